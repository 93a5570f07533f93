package io.m365platform.sync.engine.pipeline;

import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.entity.EntityKind;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The objects and owners a page's write touches, per kind: what the next page must not compare against while that
 * write is still running (a delta round may repeat an object on the next page). Conservative: it counts every
 * object the page names, changed or not.
 */
public final class PageFootprint {

    /** What the page names (computed once per page, kept by its {@link PageChanges}). */
    private final Map<EntityKind<?>, Set<String>> named;
    /** What the write touches beyond that. */
    private final Map<EntityKind<?>, Set<String>> extra = new HashMap<>();

    private PageFootprint(Map<EntityKind<?>, Set<String>> named) {
        this.named = named;
    }

    /** The objects {@code changes} names, their owners, and the owners whose child lists it replaces or sweeps. */
    public static PageFootprint of(PageChanges changes) {
        return new PageFootprint(changes.names());
    }

    /** Adds objects the write deletes beyond those the page names (children gone from an owner's list). */
    public PageFootprint alsoWrites(EntityKind<?> kind, Collection<String> objectIds) {
        if (!objectIds.isEmpty()) {
            extra.computeIfAbsent(kind, k -> new HashSet<>()).addAll(objectIds);
        }
        return this;
    }

    /** Whether {@code next} names an object or owner this footprint touches. */
    public boolean overlaps(PageChanges next) {
        for (Map.Entry<EntityKind<?>, Set<String>> e : next.names().entrySet()) {
            if (intersect(named.get(e.getKey()), e.getValue()) || intersect(extra.get(e.getKey()), e.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean intersect(Set<String> a, Set<String> b) {
        if (a == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String id : small) {
            if (large.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Per kind, what a page names: its objects and their owners, replaced and swept owners, removals. */
    public static Map<EntityKind<?>, Set<String>> namesOf(PageChanges changes) {
        Map<EntityKind<?>, Set<String>> out = new HashMap<>();
        for (Map.Entry<EntityKind<?>, PageChanges.KindChanges<?>> e : changes.byKind().entrySet()) {
            out.put(e.getKey(), names(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static <S> Set<String> names(EntityKind<S> kind, PageChanges.KindChanges<?> raw) {
        @SuppressWarnings("unchecked")
        PageChanges.KindChanges<S> changes = (PageChanges.KindChanges<S>) raw;
        Set<String> out = new HashSet<>(changes.upserts().keySet());
        for (S state : changes.upserts().values()) {
            String parent = kind.parentId(state);
            if (parent != null) {
                out.add(parent);
            }
        }
        out.addAll(changes.replacedParents());
        out.addAll(changes.sweptParents());
        out.addAll(changes.removed().keySet());
        out.addAll(changes.deletedNow());
        return out;
    }
}
