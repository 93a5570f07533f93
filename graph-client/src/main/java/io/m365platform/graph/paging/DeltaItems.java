package io.m365platform.graph.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reading delta-specific annotations of an item. */
public final class DeltaItems {

    private DeltaItems() {
    }

    /** {@code {"id":"…","@removed":{"reason":"changed|deleted"}}}: the object left the collection. */
    public static boolean isRemoved(JsonNode item) {
        return item != null && item.has("@removed");
    }

    /** {@code changed} (soft-deleted, restorable) or {@code deleted} (permanently gone). */
    public static Optional<String> removedReason(JsonNode item) {
        if (!isRemoved(item)) {
            return Optional.empty();
        }
        JsonNode reason = item.get("@removed").get("reason");
        return reason != null && reason.isTextual() ? Optional.of(reason.asText()) : Optional.empty();
    }
}
