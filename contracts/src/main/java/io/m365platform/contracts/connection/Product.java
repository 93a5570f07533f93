package io.m365platform.contracts.connection;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which Microsoft product a connection integrates. */
public enum Product implements WireName {
    /** Microsoft 365: directory, licenses, usage, workflow actions. */
    MICROSOFT_365("microsoft-365"),
    /** Microsoft Teams: teams, channels, members, installed apps (directory included). */
    MICROSOFT_TEAMS("microsoft-teams");

    private final String wireName;

    Product(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
