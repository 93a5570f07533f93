package io.m365platform.contracts.connection;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the platform authenticates to the tenant. */
public enum ConnectionMethod implements WireName {
    /** Client credentials of an Entra app registration (app-only tokens, no refresh token). */
    APP_REGISTRATION("app-registration"),
    /** An administrator signed in once (authorization code + refresh token, delegated tokens). */
    ADMIN_USER("admin-user");

    private final String wireName;

    ConnectionMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
