package io.m365platform.connection.capability;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a connection test found when it tried a capability for real (beyond reading the token's permissions). */
public enum ProbeOutcome {
    /** Not run (permissions missing, or not due). The permissions alone decide the row. */
    NOT_RUN("not-run"),
    /** Graph answered with data. */
    ACCESSIBLE("accessible"),
    /** Graph answered, but user names in usage reports are concealed (32-hex hashes). */
    CONCEALED("concealed"),
    /** Graph refused (403) although the permissions are granted. */
    DENIED("denied"),
    /** The probe failed for a transient reason (timeout, 5xx, throttled): nothing is concluded. */
    INCONCLUSIVE("inconclusive");

    private final String wireName;

    ProbeOutcome(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
