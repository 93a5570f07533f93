package io.m365platform.contracts.sync;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** How much a sync run reads. */
public enum SyncMode implements WireName {
    /** Read everything (delta links reset, full reconcile of every resource). */
    FULL("full"),
    /** Continue from stored delta links and checkpoints; full reconcile only where no delta exists. */
    INCREMENTAL("incremental");

    private final String wireName;

    SyncMode(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
