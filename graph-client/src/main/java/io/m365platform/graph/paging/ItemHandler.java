package io.m365platform.graph.paging;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives the items of a collection one at a time, as soon as each is parsed. Delta items may be
 * removals ({@link DeltaItems#isRemoved(JsonNode)}). A page that fails mid-way is read again from its
 * start, so an item can be delivered twice: handle items idempotently.
 */
@FunctionalInterface
public interface ItemHandler {

    void onItem(JsonNode item);
}
