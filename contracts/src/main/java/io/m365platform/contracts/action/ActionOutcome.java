package io.m365platform.contracts.action;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a completed action did. */
public enum ActionOutcome implements WireName {
    /** The change was made. */
    APPLIED("applied"),
    /** The tenant was already in the requested state (e.g. member already present); nothing changed. */
    ALREADY_APPLIED("already-applied"),
    /** The actionId was handled before; this repeats the recorded result. */
    DUPLICATE("duplicate");

    private final String wireName;

    ActionOutcome(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
