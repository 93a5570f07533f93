package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * An activated directory role. Published on a compacted topic keyed by
 * {@code {connectionId}/role/{roleId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param role         the role
 */
public record DirectoryRoleSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        DirectoryRole role)
        implements SyncedEntityEvent {

    public DirectoryRoleSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(role, "role");
    }

    /** The Kafka key {@code {connectionId}/role/{roleId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String roleId) {
        return EventKey.of(connectionId, "role", roleId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, role.id());
    }
}
