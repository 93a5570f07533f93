package io.m365platform.graph.paging;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * All pages of a collection read to the end.
 *
 * @param pages      pages read
 * @param items      items handed to the handler
 * @param removed    of which delta removals
 * @param deltaLink  the delta link of the last page (delta queries)
 * @param odataCount {@code @odata.count} of the first page, if requested
 */
public record CollectionSummary(long pages, long items, long removed, Optional<String> deltaLink,
                                OptionalLong odataCount) {
}
