package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A user holds a SKU (directly and/or through groups). Published on a compacted topic keyed by
 * {@code {connectionId}/{userId}/{skuId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param assignment   the assignment's whole state
 */
public record LicenseAssignmentSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        LicenseAssignment assignment)
        implements SyncedEntityEvent {

    public LicenseAssignmentSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(assignment, "assignment");
    }

    /** The Kafka key {@code {connectionId}/{userId}/{skuId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String userId, String skuId) {
        return EventKey.of(connectionId, userId, skuId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, assignment.userId(), assignment.skuId());
    }
}
