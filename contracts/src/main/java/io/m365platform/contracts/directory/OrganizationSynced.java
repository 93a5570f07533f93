package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * The tenant's organization object. Published on a compacted topic keyed by
 * {@code {connectionId}/{organizationId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param organization the organization's whole state
 */
public record OrganizationSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        Organization organization)
        implements SyncedEntityEvent {

    public OrganizationSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(organization, "organization");
    }

    /** The Kafka key {@code {connectionId}/{organizationId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String organizationId) {
        return EventKey.of(connectionId, organizationId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, organization.id());
    }
}
