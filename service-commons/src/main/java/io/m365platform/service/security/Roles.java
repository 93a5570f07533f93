package io.m365platform.service.security;

/**
 * The roles every service's REST API is guarded with. They arrive in the bearer token's {@code roles} claim (Entra ID
 * app roles) or {@code groups} claim (other OIDC providers).
 */
public final class Roles {

    /** People who run the platform: read state, trigger runs, confirm held syncs. */
    public static final String OPERATOR = "operator";
    /** Customer administrators: create, change and delete connections. */
    public static final String ADMIN = "admin";
    /** Other services of the platform (token broker, internal endpoints). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
