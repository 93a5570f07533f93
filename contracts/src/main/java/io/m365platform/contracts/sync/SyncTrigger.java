package io.m365platform.contracts.sync;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** What started a sync run. */
public enum SyncTrigger implements WireName {
    /** A SyncRequested command. */
    REQUEST("request"),
    /** The sync-service schedule. */
    SCHEDULE("schedule"),
    /** A connection was created, reconnected or its permissions changed. */
    CONNECTION_CHANGED("connection-changed"),
    /** A paused run (throttled, out of retries) resumed from its checkpoint. */
    RESUME("resume");

    private final String wireName;

    SyncTrigger(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
