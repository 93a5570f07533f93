package io.m365platform.sync.entity;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;

import java.time.Instant;
import java.util.List;

/**
 * An {@link EntityKind} assembled from configuration: where it is stored and published, its typed columns, how its
 * objects are identified ({@link KindIdentity}) and the constructor of its synced event. A kind is then a constructor
 * call, e.g. {@code super("user", USERS, "users", Topic.DIRECTORY_USERS, DirectoryUser.class, columns,
 * KindIdentity.of(DirectoryUser::id, UserSynced::key, UserDeleted::new), UserSynced::new)}.
 */
public abstract class BaseKind<S> implements EntityKind<S> {

    /** The constructor of a kind's synced event: the event context's fields, then the state. */
    @FunctionalInterface
    public interface SyncedEvent<S> {
        SyncedEntityEvent create(String connectionId, String tenantId, String syncRunId, Instant observedAt, S state);
    }

    private final String name;
    private final SyncResource resource;
    private final String table;
    private final Topic topic;
    private final Class<S> stateType;
    private final List<Column<S>> columns;
    private final KindIdentity<S> identity;
    private final SyncedEvent<S> synced;

    protected BaseKind(String name, SyncResource resource, String table, Topic topic, Class<S> stateType,
                       List<Column<S>> columns, KindIdentity<S> identity, SyncedEvent<S> synced) {
        this.name = name;
        this.resource = resource;
        this.table = table;
        this.topic = topic;
        this.stateType = stateType;
        this.columns = List.copyOf(columns);
        this.identity = identity;
        this.synced = synced;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SyncResource resource() {
        return resource;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public String topic() {
        return topic.topicName();
    }

    @Override
    public Class<S> stateType() {
        return stateType;
    }

    @Override
    public List<Column<S>> columns() {
        return columns;
    }

    @Override
    public String objectId(S state) {
        return identity.objectId(state);
    }

    @Override
    public String parentId(S state) {
        return identity.parentId(state);
    }

    @Override
    public String kafkaKey(String connectionId, S state) {
        return identity.kafkaKey(connectionId, state);
    }

    @Override
    public SyncedEntityEvent synced(S state, EventContext c) {
        return synced.create(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), state);
    }

    @Override
    public SyncedEntityEvent deleted(S lastState, DeletionReason reason, EventContext context) {
        return identity.deleted(lastState, reason, context);
    }

    @Override
    public String toString() {
        return name;
    }
}
