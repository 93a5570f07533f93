package io.m365platform.connection.capability;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a connection can do about one capability, as the capability table shows it. */
public enum CapabilityState {
    /** Every permission is granted (and the probe, if any, succeeded). */
    AVAILABLE("available"),
    /** Some permissions are not granted; the row names them exactly. */
    MISSING_PERMISSIONS("missing-permissions"),
    /** The connection method cannot do this at all, whatever is granted. */
    NOT_SUPPORTED_BY_METHOD("not-supported-by-method"),
    /** A workflow action on a connection whose permission level is read. */
    NEEDS_READ_WRITE_LEVEL("needs-read-write-level"),
    /** The permissions are granted but Graph refused the probe (e.g. the signed-in admin lacks an Entra role). */
    ACCESS_DENIED("access-denied");

    private final String wireName;

    CapabilityState(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
