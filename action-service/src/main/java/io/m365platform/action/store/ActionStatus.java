package io.m365platform.action.store;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * The states of an action: received → (awaiting-approval →) running → completed | failed, or rejected (never
 * attempted) or cancelled (by an operator, before it ran).
 */
public enum ActionStatus {
    RECEIVED("received"),
    AWAITING_APPROVAL("awaiting-approval"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed"),
    REJECTED("rejected"),
    CANCELLED("cancelled");

    private final String wireName;

    ActionStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == REJECTED || this == CANCELLED;
    }

    public static ActionStatus fromWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown action status " + wireName));
    }
}
