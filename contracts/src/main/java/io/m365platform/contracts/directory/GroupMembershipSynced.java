package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * An object is a member of a group (direct or transitive). Published on a compacted topic keyed by
 * {@code {connectionId}/{groupId}/{memberId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param membership   the membership
 */
public record GroupMembershipSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        GroupMembership membership)
        implements SyncedEntityEvent {

    public GroupMembershipSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(membership, "membership");
    }

    /** The Kafka key {@code {connectionId}/{groupId}/{memberId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String groupId, String memberId) {
        return EventKey.of(connectionId, groupId, memberId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, membership.groupId(), membership.memberId());
    }
}
