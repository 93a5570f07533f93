package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A team was created or changed. Published on a compacted topic keyed by
 * {@code {connectionId}/{teamId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param team         the team's whole state
 */
public record TeamSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        Team team)
        implements SyncedEntityEvent {

    public TeamSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(team, "team");
    }

    /** The Kafka key {@code {connectionId}/{teamId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String teamId) {
        return EventKey.of(connectionId, teamId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, team.id());
    }
}
