package io.m365platform.graph.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A Graph access token with what callers need to use and report it. The token itself is a bearer
 * secret: {@link #toString()} never shows it.
 *
 * @param token       the bearer token
 * @param expiresAt   when it stops working
 * @param permissions granted permissions: {@code roles} for {@link TokenKind#APP}, {@code scp} for
 *                    {@link TokenKind#DELEGATED} (e.g. {@code User.Read.All})
 * @param tenantId    the tenant GUID ({@code tid} claim), or the requested tenant if the claim is absent
 * @param kind        app-only or delegated
 * @param fromCache   true when msal4j answered from its cache without calling the token endpoint
 */
public record AccessToken(String token, Instant expiresAt, Set<String> permissions, String tenantId, TokenKind kind,
                          boolean fromCache) {

    public AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        permissions = Set.copyOf(Objects.requireNonNull(permissions, "permissions"));
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean grants(String permission) {
        return permissions.contains(permission);
    }

    /** An app token without any {@code roles}: the app has no admin-consented application permission. */
    public boolean hasNoPermissions() {
        return permissions.isEmpty();
    }

    public boolean expiresWithin(Duration margin, Clock clock) {
        return !clock.instant().plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[kind=" + kind + ", tenantId=" + tenantId + ", expiresAt=" + expiresAt + ", permissions="
                + permissions + ", fromCache=" + fromCache + ", token=***]";
    }
}
