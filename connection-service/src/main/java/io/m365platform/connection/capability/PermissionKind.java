package io.m365platform.connection.capability;

import io.m365platform.contracts.connection.ConnectionMethod;

/**
 * Which family of Graph permissions a connection method works with: application permissions arrive in the
 * {@code roles} claim of app-only tokens, delegated ones in the {@code scp} claim of the admin's tokens.
 */
public enum PermissionKind {
    APPLICATION("application", "application permission"),
    DELEGATED("delegated", "delegated permission");

    private final String catalogueKey;
    private final String noun;

    PermissionKind(String catalogueKey, String noun) {
        this.catalogueKey = catalogueKey;
        this.noun = noun;
    }

    public static PermissionKind of(ConnectionMethod method) {
        return method == ConnectionMethod.APP_REGISTRATION ? APPLICATION : DELEGATED;
    }

    /** The key of this kind in {@code capabilities/catalogue.json}. */
    public String catalogueKey() {
        return catalogueKey;
    }

    /** "application permission" / "delegated permission", for fix sentences. */
    public String noun() {
        return noun;
    }
}
