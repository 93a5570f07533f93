package io.m365platform.graph.paging;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page as read by {@link CollectionReader}.
 *
 * @param url          the URL that was read
 * @param items        items handed to the handler
 * @param removed      of which delta removals ({@code @removed})
 * @param nextLink     {@code @odata.nextLink}: the next page (store it as the checkpoint)
 * @param deltaLink    {@code @odata.deltaLink}: the last page of a delta round; store it for the next round
 * @param odataCount   {@code @odata.count} (first page, with {@code $count=true})
 */
public record Page(String url, long items, long removed, Optional<String> nextLink, Optional<String> deltaLink,
                   OptionalLong odataCount) {

    public boolean isLast() {
        return nextLink.isEmpty();
    }
}
