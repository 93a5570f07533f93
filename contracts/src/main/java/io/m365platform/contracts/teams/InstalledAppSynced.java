package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A Teams app is installed in a user's personal scope. Published on a compacted topic keyed by
 * {@code {connectionId}/{userId}/{teamsAppId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param app          the installation's whole state
 */
public record InstalledAppSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        InstalledApp app)
        implements SyncedEntityEvent {

    public InstalledAppSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(app, "app");
    }

    /** The Kafka key {@code {connectionId}/{userId}/{teamsAppId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String userId, String teamsAppId) {
        return EventKey.of(connectionId, userId, teamsAppId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, app.userId(), app.teamsAppId());
    }
}
