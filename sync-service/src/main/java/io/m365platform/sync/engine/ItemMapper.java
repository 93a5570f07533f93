package io.m365platform.sync.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one Graph item into changes of the page it came with. Must be idempotent (a page may be read twice). */
@FunctionalInterface
public interface ItemMapper {

    void onItem(JsonNode item, PageChanges changes);
}
