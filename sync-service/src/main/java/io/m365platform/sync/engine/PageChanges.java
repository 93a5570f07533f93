package io.m365platform.sync.engine;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.sync.engine.pipeline.PageFootprint;
import io.m365platform.sync.entity.EntityKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one Graph page says about the tenant, sorted by entity kind: states seen, complete child lists of owners,
 * objects reported removed. The {@link PageCommitter} turns it into events and rows.
 */
public final class PageChanges {

    private final Map<EntityKind<?>, KindChanges<?>> byKind = new LinkedHashMap<>();
    private final List<SqlWrite> writes = new ArrayList<>();
    private final Map<Class<?>, Object> attachments = new java.util.HashMap<>();
    private int fetched;
    private Map<EntityKind<?>, Set<String>> names;

    /** The object as it is now. When an object appears twice in a page, the later state wins. */
    public <S> PageChanges upsert(EntityKind<S> kind, S state) {
        KindChanges<S> changes = changes(kind);
        String id = kind.objectId(state);
        changes.removed.remove(id);
        changes.deletedNow.remove(id);
        changes.merges.remove(id);
        changes.knownNew.remove(id);
        changes.upserts.put(id, state);
        return this;
    }

    /**
     * An object known not to be stored yet (e.g. a membership that the run's staged differences say is new): stored
     * without looking up its hash.
     */
    public <S> PageChanges upsertNew(EntityKind<S> kind, S state) {
        upsert(kind, state);
        changes(kind).knownNew.add(kind.objectId(state));
        return this;
    }

    /**
     * An object of which Graph sent only part (e.g. a delta item without its manager): {@code merge} completes it
     * from the stored state, when there is one.
     */
    public <S> PageChanges upsertPartial(EntityKind<S> kind, S state, java.util.function.BinaryOperator<S> merge) {
        upsert(kind, state);
        changes(kind).merges.put(kind.objectId(state), merge);
        return this;
    }

    /**
     * Completes the page's states of {@code kind} before they are hashed, with data kept beside the kind's table
     * (e.g. users' sign-in activity, which users delta never returns): one look-up for the whole page.
     */
    public <S> PageChanges complete(EntityKind<S> kind, Completion<S> completion) {
        changes(kind).completion = completion;
        return this;
    }

    /** Deletes a stored object with this page (no guard): a relationship that ended. */
    public PageChanges deleteNow(EntityKind<?> kind, String objectId) {
        KindChanges<?> changes = changes(kind);
        changes.upserts.remove(objectId);
        changes.deletedNow.add(objectId);
        return this;
    }

    /**
     * The complete list of children of {@code parentId} (e.g. a user's license assignments): stored children
     * missing from it are deleted with this page.
     */
    public <S> PageChanges replaceChildren(EntityKind<S> kind, String parentId, List<S> children) {
        KindChanges<S> changes = changes(kind);
        changes.replacedParents.add(parentId);
        for (S child : children) {
            changes.upserts.put(kind.objectId(child), child);
        }
        return this;
    }

    /**
     * Every child of {@code parentId} read in this run has now been seen (its list spanned several pages): stored
     * children not seen by this run are deleted with this page.
     */
    public PageChanges sweepChildren(EntityKind<?> kind, String parentId) {
        changes(kind).sweptParents.add(parentId);
        return this;
    }

    /**
     * The object was reported removed (delta {@code @removed}) or found missing: queued as a pending deletion, applied
     * at the end of the resource after the mass-deletion guard.
     */
    public PageChanges removed(EntityKind<?> kind, String objectId, DeletionReason reason) {
        KindChanges<?> changes = changes(kind);
        changes.upserts.remove(objectId);
        changes.removed.put(objectId, reason);
        return this;
    }

    /** Extra SQL to run in the page's transaction (raw relationship edges, markers). */
    public PageChanges write(SqlWrite write) {
        writes.add(write);
        return this;
    }

    /**
     * A per-page helper of the caller's (e.g. a batch of raw edges), created on first use; {@code factory} usually
     * registers the helper's {@link #write} too.
     */
    public <T> T attachment(Class<T> type, java.util.function.Function<PageChanges, T> factory) {
        Object existing = attachments.get(type);
        if (existing == null) {
            existing = factory.apply(this);
            attachments.put(type, existing);
        }
        return type.cast(existing);
    }

    /** Counts objects read from Graph for the step's {@code fetched} counter. */
    public PageChanges fetched(int count) {
        fetched += count;
        return this;
    }

    public int fetched() {
        return fetched;
    }

    /** What the page names, per kind ({@link PageFootprint}): computed once, when the page is complete. */
    public Map<EntityKind<?>, Set<String>> names() {
        if (names == null) {
            names = PageFootprint.namesOf(this);
        }
        return names;
    }

    public Map<EntityKind<?>, KindChanges<?>> byKind() {
        return byKind;
    }

    public List<SqlWrite> writes() {
        return writes;
    }

    public boolean isEmpty() {
        return byKind.isEmpty() && writes.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private <S> KindChanges<S> changes(EntityKind<S> kind) {
        return (KindChanges<S>) byKind.computeIfAbsent(kind, k -> new KindChanges<>());
    }

    /** The changes of one kind within a page. */
    public static final class KindChanges<S> {
        final Map<String, S> upserts = new LinkedHashMap<>();
        final Set<String> replacedParents = new LinkedHashSet<>();
        final Set<String> sweptParents = new LinkedHashSet<>();
        final Map<String, DeletionReason> removed = new LinkedHashMap<>();
        final Set<String> deletedNow = new LinkedHashSet<>();
        final Map<String, java.util.function.BinaryOperator<S>> merges = new java.util.HashMap<>();
        final Set<String> knownNew = new java.util.HashSet<>();
        Completion<S> completion;

        /** Upserts known not to be stored: no hash look-up. */
        public Set<String> knownNew() {
            return knownNew;
        }

        /** How the page's states are completed before hashing; null when they are complete as read. */
        public Completion<S> completion() {
            return completion;
        }

        public Map<String, S> upserts() {
            return upserts;
        }

        public Set<String> replacedParents() {
            return replacedParents;
        }

        public Set<String> deletedNow() {
            return deletedNow;
        }

        public Map<String, java.util.function.BinaryOperator<S>> merges() {
            return merges;
        }

        public Set<String> sweptParents() {
            return sweptParents;
        }

        public Map<String, DeletionReason> removed() {
            return removed;
        }
    }

    /** Completes a page's states of one kind from what is stored beside them. */
    @FunctionalInterface
    public interface Completion<S> {

        /**
         * Loads what completes the states of {@code objectIds} (one query for the page) and returns how to complete
         * each: {@code (objectId, state) -> completed state}. Called on a database connection, before hashing.
         */
        java.util.function.BiFunction<String, S, S> prepare(Connection connection, Set<String> objectIds)
                throws SQLException;
    }

    @FunctionalInterface
    public interface SqlWrite {
        void apply(Connection connection) throws SQLException;
    }
}
