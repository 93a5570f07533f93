package io.m365platform.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a synced entity was reported deleted. */
public enum DeletionReason implements WireName {
    /** Graph delta returned {@code @removed: {reason: "changed"}}: soft-deleted, restorable for about 30 days. */
    SOFT_DELETED("soft-deleted"),
    /** Graph delta returned {@code @removed: {reason: "deleted"}}: permanently gone. */
    HARD_DELETED("hard-deleted"),
    /** Not returned by a full reconcile any more (resources without delta queries, or a relationship ended). */
    NOT_FOUND("not-found"),
    /** The connection was deleted; everything synced through it is withdrawn. */
    CONNECTION_DELETED("connection-deleted");

    private final String wireName;

    DeletionReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
