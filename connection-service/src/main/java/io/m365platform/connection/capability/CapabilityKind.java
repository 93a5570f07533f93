package io.m365platform.connection.capability;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a capability reads tenant data or changes the tenant (a workflow action). */
public enum CapabilityKind {
    DATA_SYNC("data-sync"),
    WORKFLOW_ACTION("workflow-action");

    private final String wireName;

    CapabilityKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
