package io.m365platform.contracts.connection;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the platform may do in the tenant through a connection. */
public enum PermissionLevel implements WireName {
    /** Sync and reports only. */
    READ("read"),
    /** Sync, reports and workflow actions. */
    READ_WRITE("read-write");

    private final String wireName;

    PermissionLevel(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
