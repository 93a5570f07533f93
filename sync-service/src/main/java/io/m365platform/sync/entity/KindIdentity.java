package io.m365platform.sync.entity;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;
import java.util.function.Function;

/**
 * How a kind's objects are identified, and so keyed and deleted: by their own id ({@link #of}), or by their owner's
 * id and their own within it ({@link #owned}: a user's license assignments, a group's members, a team's channels).
 * The Kafka key and the deleted event are built from the same parts, by the contracts' own {@code key} methods and
 * event constructors.
 */
public final class KindIdentity<S> {

    /** A contracts {@code …Synced.key(connectionId, id)} method. */
    @FunctionalInterface
    public interface KeyById {
        String key(String connectionId, String id);
    }

    /** A contracts {@code …Synced.key(connectionId, ownerId, id)} method. */
    @FunctionalInterface
    public interface KeyByOwner {
        String key(String connectionId, String ownerId, String id);
    }

    /** The constructor of a deleted event naming the object by its id. */
    @FunctionalInterface
    public interface DeletedById {
        SyncedEntityEvent create(String connectionId, String tenantId, String syncRunId, Instant observedAt,
                                 String id, DeletionReason reason);
    }

    /** The constructor of a deleted event naming the object by its owner's id and its own. */
    @FunctionalInterface
    public interface DeletedByOwner {
        SyncedEntityEvent create(String connectionId, String tenantId, String syncRunId, Instant observedAt,
                                 String ownerId, String id, DeletionReason reason);
    }

    private final Function<S, String> ownerId;
    private final Function<S, String> id;
    private final Function<S, String> parentId;
    private final KeyById keyById;
    private final KeyByOwner keyByOwner;
    private final DeletedById deletedById;
    private final DeletedByOwner deletedByOwner;

    private KindIdentity(Function<S, String> ownerId, Function<S, String> id, Function<S, String> parentId,
                         KeyById keyById, KeyByOwner keyByOwner, DeletedById deletedById,
                         DeletedByOwner deletedByOwner) {
        this.ownerId = ownerId;
        this.id = id;
        this.parentId = parentId;
        this.keyById = keyById;
        this.keyByOwner = keyByOwner;
        this.deletedById = deletedById;
        this.deletedByOwner = deletedByOwner;
    }

    /**
     * Objects identified by their own id.
     *
     * @param deleted null for kinds without a deleted event (the organization: only its tombstone is sent)
     */
    public static <S> KindIdentity<S> of(Function<S, String> id, KeyById key, DeletedById deleted) {
        return new KindIdentity<>(null, id, null, key, null, deleted, null);
    }

    /** Objects identified within their owner, which is their {@link EntityKind#parentId parent}. */
    public static <S> KindIdentity<S> owned(Function<S, String> ownerId, Function<S, String> id, KeyByOwner key,
                                            DeletedByOwner deleted) {
        return new KindIdentity<>(ownerId, id, ownerId, null, key, null, deleted);
    }

    /** The same identity, with each object the owner of its own child lists (a team owns its channels, members). */
    public KindIdentity<S> ownerOfChildren() {
        return new KindIdentity<>(ownerId, id, id, keyById, keyByOwner, deletedById, deletedByOwner);
    }

    String objectId(S state) {
        return ownerId == null ? id.apply(state) : EventKey.of(ownerId.apply(state), id.apply(state));
    }

    String parentId(S state) {
        return parentId == null ? null : parentId.apply(state);
    }

    String kafkaKey(String connectionId, S state) {
        return ownerId == null ? keyById.key(connectionId, id.apply(state))
                : keyByOwner.key(connectionId, ownerId.apply(state), id.apply(state));
    }

    SyncedEntityEvent deleted(S last, DeletionReason reason, EventContext c) {
        if (ownerId != null) {
            return deletedByOwner.create(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(),
                    ownerId.apply(last), id.apply(last), reason);
        }
        return deletedById == null ? null : deletedById.create(c.connectionId(), c.tenantId(), c.syncRunId(),
                c.observedAt(), id.apply(last), reason);
    }
}
