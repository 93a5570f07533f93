package io.m365platform.sync.connection;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A connection as sync-service knows it from connection events: enough to decide what to sync (product, granted
 * permissions) and whether to sync at all (status, deleted). Credentials never reach this service.
 */
public record KnownConnection(
        String connectionId,
        String tenantId,
        String product,
        String status,
        Set<String> grantedPermissions,
        Instant stateUpdatedAt,
        Instant deletedAt,
        Instant nextIncrementalAt,
        Instant nextFullAt) {

    public static final String CONNECTED = "connected";
    public static final String PERMISSIONS_MISSING = "permissions-missing";
    public static final String TEAMS_PRODUCT = "microsoft-teams";

    public KnownConnection {
        grantedPermissions = Set.copyOf(grantedPermissions);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    /** Tokens can be issued: connected, or connected with some permissions missing (the others still sync). */
    public boolean syncable() {
        return !deleted() && (CONNECTED.equals(status) || PERMISSIONS_MISSING.equals(status));
    }

    public boolean grantsAny(List<String> permissions) {
        return permissions.stream().anyMatch(grantedPermissions::contains);
    }
}
