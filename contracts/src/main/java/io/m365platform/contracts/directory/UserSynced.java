package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A user was created or changed (or seen by a full sync); carries the whole user. Published on a compacted topic keyed by
 * {@code {connectionId}/{userId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param user         the user's whole state
 */
public record UserSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        DirectoryUser user)
        implements SyncedEntityEvent {

    public UserSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(user, "user");
    }

    /** The Kafka key {@code {connectionId}/{userId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String userId) {
        return EventKey.of(connectionId, userId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, user.id());
    }
}
