package io.m365platform.contracts.connection;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** Health of a connection as last checked by connection-service. */
public enum ConnectionStatus implements WireName {
    /** Created, not yet tested (or waiting for the admin's sign-in). */
    PENDING("pending"),
    /** Tokens are issued and every permission the permission level needs is granted. */
    CONNECTED("connected"),
    /** Tokens are issued but some needed permissions are not granted (see missingPermissions). */
    PERMISSIONS_MISSING("permissions-missing"),
    /** Credentials are expired or revoked; an operator must rotate the secret or sign in again. */
    NEEDS_RECONNECT("needs-reconnect"),
    /** The last check failed for another reason (see statusReason). */
    ERROR("error"),
    /** The connection was deleted. */
    DELETED("deleted");

    private final String wireName;

    ConnectionStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
