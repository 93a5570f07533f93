package io.m365platform.contracts.apps;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A third-party app with every consent it holds. Published on a compacted topic keyed by
 * {@code {connectionId}/{servicePrincipalId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param app          the app's whole state with its consents
 */
public record ExternalAppSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        ExternalApp app)
        implements SyncedEntityEvent {

    public ExternalAppSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(app, "app");
    }

    /** The Kafka key {@code {connectionId}/{servicePrincipalId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String servicePrincipalId) {
        return EventKey.of(connectionId, servicePrincipalId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, app.servicePrincipalId());
    }
}
