package io.m365platform.sync.entity;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;

import java.util.List;

/**
 * Everything the generic machinery (change detection, storage, publishing, deletion, re-publishing) needs to know
 * about one kind of synced entity. One implementation per kind; {@code S} is the contracts record of its state.
 *
 * <p>Tables of every kind share the standard columns {@code connection_id, object_id, parent_id, data (the state as
 * JSON), content_hash, last_seen_run, synced_at} plus the kind's typed {@link #columns()}.
 */
public interface EntityKind<S> {

    /** Short stable name, used in {@code pending_deletion.kind} and logs, e.g. {@code user}. */
    String name();

    /** The run counters this kind adds to. */
    SyncResource resource();

    /** Table in schema {@code sync}. */
    String table();

    /** Kafka topic of its events (compacted). */
    String topic();

    Class<S> stateType();

    /** Identity within the connection and kind (for composite identities: the key parts after the connection). */
    String objectId(S state);

    /**
     * The owning object for kinds that are read as complete lists per owner (a user's license assignments, a
     * team's channels): replacing the children of an owner deletes those no longer listed. Null otherwise.
     */
    default String parentId(S state) {
        return null;
    }

    /** Typed columns besides the standard ones. */
    List<Column<S>> columns();

    /** The Kafka key of the entity, shared by its synced and deleted events and its tombstone. */
    String kafkaKey(String connectionId, S state);

    SyncedEntityEvent synced(S state, EventContext context);

    /** The deleted event, or null for kinds without one (the organization): then only the tombstone is sent. */
    SyncedEntityEvent deleted(S lastState, DeletionReason reason, EventContext context);
}
