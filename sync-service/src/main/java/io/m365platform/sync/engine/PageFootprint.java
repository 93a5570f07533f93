package io.m365platform.sync.engine;

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
final class PageFootprint {

    private final Map<EntityKind<?>, Set<String>> touched = new HashMap<>();

    /** The objects {@code changes} names, their owners, and the owners whose child lists it replaces or sweeps. */
    static PageFootprint of(PageChanges changes) {
        PageFootprint footprint = new PageFootprint();
        for (Map.Entry<EntityKind<?>, PageChanges.KindChanges<?>> e : changes.byKind().entrySet()) {
            footprint.touched.put(e.getKey(), names(e.getKey(), e.getValue()));
        }
        return footprint;
    }

    /** Adds objects the write deletes beyond those the page names (children gone from an owner's list). */
    PageFootprint alsoWrites(EntityKind<?> kind, Collection<String> objectIds) {
        touched.computeIfAbsent(kind, k -> new HashSet<>()).addAll(objectIds);
        return this;
    }

    /** Whether {@code next} names an object or owner this footprint touches. */
    boolean overlaps(PageChanges next) {
        for (Map.Entry<EntityKind<?>, PageChanges.KindChanges<?>> e : next.byKind().entrySet()) {
            Set<String> mine = touched.get(e.getKey());
            if (mine != null && names(e.getKey(), e.getValue()).stream().anyMatch(mine::contains)) {
                return true;
            }
        }
        return false;
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
