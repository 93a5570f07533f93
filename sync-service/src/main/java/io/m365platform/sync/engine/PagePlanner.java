package io.m365platform.sync.engine;

import io.m365platform.sync.engine.lookup.StoredObjects;
import io.m365platform.sync.entity.ContentHash;
import io.m365platform.sync.entity.EntityCatalog;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.entity.StoredRow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Finds what a page changes, kind by kind: look up the stored hashes of the objects it names, hash the new states,
 * classify each object as created, updated or unchanged, and collect the stored objects it removes. Reads only.
 */
final class PagePlanner {

    private final EntityCatalog catalog;
    private final ObjectWriter writer;

    PagePlanner(EntityCatalog catalog) {
        this.catalog = catalog;
        this.writer = catalog.mapper().writer();
    }

    /** One plan per kind the page names, in the page's order. */
    List<KindPlan<?>> plan(Connection c, StepScope step, PageChanges changes) throws SQLException {
        List<KindPlan<?>> plans = new ArrayList<>();
        for (Map.Entry<EntityKind<?>, PageChanges.KindChanges<?>> e : changes.byKind().entrySet()) {
            plans.add(plan(c, step, e.getKey(), e.getValue()));
        }
        return plans;
    }

    private <S> KindPlan<S> plan(Connection c, StepScope step, EntityKind<S> kind, PageChanges.KindChanges<?> raw)
            throws SQLException {
        @SuppressWarnings("unchecked")
        PageChanges.KindChanges<S> changes = (PageChanges.KindChanges<S>) raw;
        RunScope run = step.run();
        EntityStore<S> store = catalog.store(kind);
        StoredObjects storedObjects = run.storedObjects(c, kind.table());

        Stored stored = lookUp(c, run, kind, store, changes, storedObjects);
        List<StoredRow<S>> rows = hash(c, run, kind, store, changes, storedObjects);
        KindPlan<S> plan = classify(kind, store, step.sweeps(kind), rows, stored.hashes(), changes, storedObjects);
        plan.orphans.putAll(removedObjects(c, run, store, changes, stored.gone(), storedObjects));
        plan.removed.putAll(changes.removed());
        plan.upsertedIds.addAll(changes.upserts().keySet());
        return plan;
    }

    /** The stored hashes of the page's objects, and the stored children its complete child lists no longer name. */
    private record Stored(Map<String, byte[]> hashes, Set<String> gone) {
    }

    /**
     * Look up: the hashes of the objects that may be stored (on a first sync, only those this run wrote; never those
     * known new). A page of complete child lists is looked up by owner, which also finds the children that are gone.
     */
    private <S> Stored lookUp(Connection c, RunScope run, EntityKind<S> kind, EntityStore<S> store,
                              PageChanges.KindChanges<S> changes, StoredObjects storedObjects) throws SQLException {
        if (changes.replacedParents().isEmpty()) {
            Set<String> lookUp = new HashSet<>();
            for (String id : changes.upserts().keySet()) {
                if (!changes.knownNew().contains(id) && storedObjects.mayBeStored(id)) {
                    lookUp.add(id);
                }
            }
            return new Stored(store.hashes(c, run.connectionId(), lookUp), Set.of());
        }
        Set<String> owners = new HashSet<>();
        for (String parentId : changes.replacedParents()) {
            if (storedObjects.mayHaveChildren(parentId)) {
                owners.add(parentId);
            }
        }
        Map<String, byte[]> hashes = store.childHashes(c, run.connectionId(), owners);
        Set<String> gone = new HashSet<>(hashes.keySet());
        gone.removeAll(changes.upserts().keySet());
        // Children listed under an owner that was not looked up (moved between owners, or the owner is new).
        List<String> elsewhere = changes.upserts().entrySet().stream()
                .filter(e -> !owners.contains(kind.parentId(e.getValue())) && storedObjects.mayBeStored(e.getKey()))
                .map(Map.Entry::getKey).toList();
        if (!elsewhere.isEmpty()) {
            hashes.putAll(store.hashes(c, run.connectionId(), elsewhere));
        }
        return new Stored(hashes, gone);
    }

    /**
     * Hash: each new state completed (merged with the stored one for partial updates, completed with data read
     * now), serialised once, and hashed. Pure CPU, always spread over the cores (common pool).
     */
    private <S> List<StoredRow<S>> hash(Connection c, RunScope run, EntityKind<S> kind, EntityStore<S> store,
                                        PageChanges.KindChanges<S> changes, StoredObjects storedObjects)
            throws SQLException {
        Map<String, S> mergeBase = changes.merges().isEmpty() ? Map.of()
                : store.load(c, run.connectionId(),
                        changes.merges().keySet().stream().filter(storedObjects::mayBeStored).toList());
        BiFunction<String, S, S> completing = changes.completion() == null ? null
                : changes.completion().prepare(c, changes.upserts().keySet());
        return changes.upserts().entrySet().parallelStream().map(e -> {
            S state = e.getValue();
            S base = mergeBase.get(e.getKey());
            if (base != null) {
                state = changes.merges().get(e.getKey()).apply(state, base);
            }
            if (completing != null) {
                state = completing.apply(e.getKey(), state);
            }
            byte[] json = json(state);
            return new StoredRow<>(e.getKey(), kind.parentId(state), state, json, ContentHash.of(json));
        }).toList();
    }

    /**
     * Classify: no stored hash → created, another hash → updated, the same → unchanged. What will be written is
     * tracked for the first-sync look-ups of later pages (objects known new need no tracking).
     */
    private static <S> KindPlan<S> classify(EntityKind<S> kind, EntityStore<S> store, boolean sweeps,
                                            List<StoredRow<S>> rows, Map<String, byte[]> stored,
                                            PageChanges.KindChanges<S> changes, StoredObjects storedObjects) {
        KindPlan<S> plan = new KindPlan<>(kind, store, sweeps);
        for (StoredRow<S> row : rows) {
            byte[] old = stored.get(row.objectId());
            if (old == null) {
                plan.createdRows.add(row);
            } else if (!Arrays.equals(old, row.hash())) {
                plan.updatedRows.add(row);
            } else {
                plan.unchanged.add(row.objectId());
                continue;
            }
            plan.changed.add(row);
            if (changes.knownNew().contains(row.objectId())) {
                storedObjects.writingUntracked();
            } else {
                storedObjects.writing(row.objectId(), row.parentId());
            }
        }
        return plan;
    }

    /**
     * The stored objects the page removes, with their last state (for their deleted events): children gone from a
     * complete list, children a swept owner no longer has, objects deleted now.
     */
    private static <S> Map<String, S> removedObjects(Connection c, RunScope run, EntityStore<S> store,
                                                     PageChanges.KindChanges<S> changes, Set<String> gone,
                                                     StoredObjects storedObjects) throws SQLException {
        Map<String, S> orphans = new LinkedHashMap<>(store.load(c, run.connectionId(), gone));
        for (String parentId : changes.sweptParents()) {
            if (storedObjects.mayHaveChildren(parentId)) {
                orphans.putAll(store.unseenChildren(c, run.connectionId(), run.runId(), parentId,
                        changes.upserts().keySet()));
            }
        }
        if (!changes.deletedNow().isEmpty()) {
            orphans.putAll(store.load(c, run.connectionId(), changes.deletedNow()));
        }
        return orphans;
    }

    private byte[] json(Object state) {
        try {
            return writer.writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise " + state.getClass().getSimpleName(), e);
        }
    }
}
