package io.m365platform.sync.entity;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;

import java.util.List;

/** The fixed parts of an {@link EntityKind}, so that each kind only says how its state maps to events and columns. */
public abstract class BaseKind<S> implements EntityKind<S> {

    private final String name;
    private final SyncResource resource;
    private final String table;
    private final Topic topic;
    private final Class<S> stateType;
    private final List<Column<S>> columns;

    protected BaseKind(String name, SyncResource resource, String table, Topic topic, Class<S> stateType,
                       List<Column<S>> columns) {
        this.name = name;
        this.resource = resource;
        this.table = table;
        this.topic = topic;
        this.stateType = stateType;
        this.columns = List.copyOf(columns);
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
    public String toString() {
        return name;
    }
}
