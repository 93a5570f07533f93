package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A group was created or changed; carries the whole group. Published on a compacted topic keyed by
 * {@code {connectionId}/{groupId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param group        the group's whole state
 */
public record GroupSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        DirectoryGroup group)
        implements SyncedEntityEvent {

    public GroupSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(group, "group");
    }

    /** The Kafka key {@code {connectionId}/{groupId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String groupId) {
        return EventKey.of(connectionId, groupId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, group.id());
    }
}
