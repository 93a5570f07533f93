package io.m365platform.sync.entity;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Every entity kind with its store, which kinds depend on which (a user's license assignments go when the user
 * goes), and SQL to run when objects of a kind are deleted (raw relationship edges).
 */
public final class EntityCatalog {

    private final Map<EntityKind<?>, EntityStore<?>> stores = new LinkedHashMap<>();
    private final Map<String, EntityKind<?>> byName = new LinkedHashMap<>();
    private final Map<EntityKind<?>, List<Dependent>> dependents = new LinkedHashMap<>();
    private final Map<EntityKind<?>, List<DeletionHook>> hooks = new LinkedHashMap<>();
    private final List<String> auxiliaryTables = new ArrayList<>();
    private final ObjectMapper mapper;

    public EntityCatalog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <S> EntityCatalog add(EntityKind<S> kind) {
        if (byName.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalArgumentException("entity kind " + kind.name() + " registered twice");
        }
        stores.put(kind, new EntityStore<>(kind, mapper));
        return this;
    }

    /** {@code child}'s parent_id is an object id of {@code parent}: deleting a parent deletes its children. */
    public EntityCatalog dependent(EntityKind<?> parent, EntityKind<?> child) {
        return reference(parent, child, "parent_id");
    }

    /**
     * {@code child}'s {@code column} holds an object id of {@code referenced} (a role assignment's principal, a team
     * member's user): the child cannot outlive the object it refers to.
     */
    public EntityCatalog reference(EntityKind<?> referenced, EntityKind<?> child, String column) {
        dependents.computeIfAbsent(referenced, k -> new ArrayList<>()).add(new Dependent(child, column));
        return this;
    }

    public EntityCatalog onDeleted(EntityKind<?> kind, DeletionHook hook) {
        hooks.computeIfAbsent(kind, k -> new ArrayList<>()).add(hook);
        return this;
    }

    /** A table of raw per-connection data (no events) to empty when a connection is purged. */
    public EntityCatalog auxiliaryTable(String table) {
        auxiliaryTables.add(table);
        return this;
    }

    public List<String> auxiliaryTables() {
        return auxiliaryTables;
    }

    @SuppressWarnings("unchecked")
    public <S> EntityStore<S> store(EntityKind<S> kind) {
        EntityStore<S> store = (EntityStore<S>) stores.get(kind);
        if (store == null) {
            throw new NoSuchElementException("entity kind " + kind.name() + " is not registered");
        }
        return store;
    }

    public EntityKind<?> byName(String name) {
        EntityKind<?> kind = byName.get(name);
        if (kind == null) {
            throw new NoSuchElementException("no entity kind named " + name);
        }
        return kind;
    }

    public Collection<EntityKind<?>> kinds() {
        return stores.keySet();
    }

    public List<Dependent> dependentsOf(EntityKind<?> kind) {
        return dependents.getOrDefault(kind, List.of());
    }

    public List<DeletionHook> hooksOf(EntityKind<?> kind) {
        return hooks.getOrDefault(kind, List.of());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** A kind whose objects are deleted with the objects their {@code column} refers to. */
    public record Dependent(EntityKind<?> kind, String column) {
    }

    /** SQL run in the transaction that deletes objects of a kind. */
    @FunctionalInterface
    public interface DeletionHook {
        void onDeleted(Connection connection, String connectionId, Collection<String> objectIds) throws SQLException;
    }
}
