package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A user is a member (or owner, or guest) of a team. Published on a compacted topic keyed by
 * {@code {connectionId}/{teamId}/{userId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param member       the membership's whole state
 */
public record TeamMemberSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        TeamMember member)
        implements SyncedEntityEvent {

    public TeamMemberSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(member, "member");
    }

    /** The Kafka key {@code {connectionId}/{teamId}/{userId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String teamId, String userId) {
        return EventKey.of(connectionId, teamId, userId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, member.teamId(), member.userId());
    }
}
