package io.m365platform.graphsim.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Objects of one kind in insertion order, with the bookkeeping delta queries need: the sequence number of the
 * last change, per-property change sequences (only for objects changed after creation, so a generated million
 * users carry none), and removals kept as tombstones. Not thread-safe: the owning {@link Tenant}'s lock guards
 * it. Lookups accept the id or an alternate key (users: the UPN), both case-insensitive.
 *
 * @param <T> immutable value type
 */
public final class EntityTable<T> {
    /** Tracking wrapper of one object; a slot never moves, so a slot position is a stable paging cursor. */
    public static final class Slot<T> {
        private T value;
        private final long createdSeq;
        private long changeSeq;
        private Map<String, Long> propertySeqs;
        private Removal removal = Removal.NONE;
        private Instant deletedAt;

        private Slot(T value, long seq) {
            this.value = value;
            this.createdSeq = seq;
            this.changeSeq = seq;
        }

        public T value() {
            return value;
        }

        public long createdSeq() {
            return createdSeq;
        }

        public long changeSeq() {
            return changeSeq;
        }

        public Removal removal() {
            return removal;
        }

        public boolean live() {
            return removal == Removal.NONE;
        }

        public Instant deletedAt() {
            return deletedAt;
        }

        /** Whether any of {@code properties} (null = any) changed after {@code sinceSeq}. */
        public boolean changedSince(long sinceSeq, java.util.Collection<String> properties) {
            if (changeSeq <= sinceSeq) {
                return false;
            }
            if (createdSeq > sinceSeq || properties == null || propertySeqs == null) {
                return true;
            }
            for (String p : properties) {
                Long s = propertySeqs.get(p);
                if (s != null && s > sinceSeq) {
                    return true;
                }
            }
            return false;
        }

        /** The properties changed after {@code sinceSeq} (null when everything counts as changed: created since). */
        public java.util.Set<String> propertiesChangedSince(long sinceSeq) {
            if (createdSeq > sinceSeq || propertySeqs == null) {
                return null;
            }
            java.util.Set<String> result = new java.util.HashSet<>();
            propertySeqs.forEach((p, s) -> {
                if (s > sinceSeq) {
                    result.add(p);
                }
            });
            return result;
        }
    }

    private final Function<T, String> idOf;
    private final Function<T, String> alternateKeyOf;
    private final ArrayList<Slot<T>> slots = new ArrayList<>();
    private Map<String, Integer> index = new HashMap<>();
    private int live;

    public EntityTable(Function<T, String> idOf, Function<T, String> alternateKeyOf) {
        this.idOf = idOf;
        this.alternateKeyOf = alternateKeyOf;
    }

    private static String key(String k) {
        return k == null ? null : k.toLowerCase(java.util.Locale.ROOT);
    }

    /** Sizes the table for {@code n} objects before a bulk load (saves rehashing a million-entry index). */
    public void reserve(int n) {
        slots.ensureCapacity(n);
        if (index.isEmpty()) {
            index = new HashMap<>((int) Math.min(Integer.MAX_VALUE, (alternateKeyOf == null ? n : 2L * n) * 4 / 3 + 16));
        }
    }

    public void insert(T value, long seq) {
        String id = key(idOf.apply(value));
        if (index.containsKey(id)) {
            throw TenantException.conflict("An object with id " + id + " already exists");
        }
        String alt = alternateKeyOf == null ? null : key(alternateKeyOf.apply(value));
        if (alt != null && index.containsKey(alt)) {
            throw TenantException.conflict("Another object with the same key " + alt + " already exists");
        }
        index.put(id, slots.size());
        if (alt != null) {
            index.put(alt, slots.size());
        }
        slots.add(new Slot<>(value, seq));
        live++;
    }

    /** The live slot for an id or alternate key, or null. */
    public Slot<T> find(String idOrKey) {
        Integer i = index.get(key(idOrKey));
        if (i == null) {
            return null;
        }
        Slot<T> slot = slots.get(i);
        return slot.live() ? slot : null;
    }

    /** The slot including removed ones (delta and restore need tombstones). */
    public Slot<T> findAny(String id) {
        Integer i = index.get(key(id));
        return i == null ? null : slots.get(i);
    }

    public T get(String idOrKey) {
        Slot<T> slot = find(idOrKey);
        return slot == null ? null : slot.value;
    }

    /** Replaces a live object, recording which properties changed. */
    public void replace(String id, T newValue, long seq, java.util.Collection<String> changedProperties) {
        Slot<T> slot = find(id);
        if (slot == null) {
            throw TenantException.notFound(id);
        }
        if (alternateKeyOf != null) {
            String oldAlt = key(alternateKeyOf.apply(slot.value));
            String newAlt = key(alternateKeyOf.apply(newValue));
            if (newAlt != null && !newAlt.equals(oldAlt)) {
                Integer owner = index.get(newAlt);
                if (owner != null && slots.get(owner) != slot) {
                    throw TenantException.conflict("Another object already uses " + newAlt);
                }
                if (oldAlt != null) {
                    index.remove(oldAlt);
                }
                index.put(newAlt, index.get(key(id)));
            }
        }
        slot.value = newValue;
        touch(slot, seq, changedProperties);
    }

    /**
     * Replaces a live object's value without recording a change: for properties delta queries do not track
     * (signInActivity). The alternate key must stay the same.
     */
    public void replaceValue(String id, T newValue) {
        Slot<T> slot = find(id);
        if (slot == null) {
            throw TenantException.notFound(id);
        }
        if (alternateKeyOf != null && !java.util.Objects.equals(key(alternateKeyOf.apply(slot.value)), key(alternateKeyOf.apply(newValue)))) {
            throw new IllegalArgumentException("replaceValue cannot change the alternate key");
        }
        slot.value = newValue;
    }

    /** Marks a property change without a new value (e.g. membership lists kept elsewhere). */
    public void touch(String id, long seq, java.util.Collection<String> changedProperties) {
        Slot<T> slot = find(id);
        if (slot == null) {
            throw TenantException.notFound(id);
        }
        touch(slot, seq, changedProperties);
    }

    private void touch(Slot<T> slot, long seq, java.util.Collection<String> changedProperties) {
        slot.changeSeq = seq;
        if (changedProperties != null && !changedProperties.isEmpty()) {
            Map<String, Long> seqs = slot.propertySeqs == null ? new HashMap<>(4) : slot.propertySeqs;
            for (String p : changedProperties) {
                seqs.put(p, seq);
            }
            slot.propertySeqs = seqs;
        }
    }

    /** Soft or hard deletion; the slot stays as a tombstone so delta can report it. Alternate key is released. */
    public T remove(String id, boolean permanent, long seq, Instant now) {
        Slot<T> slot = permanent ? findAny(id) : find(id);
        if (slot == null || slot.removal == Removal.HARD_DELETED) {
            throw TenantException.notFound(id);
        }
        if (slot.live()) {
            live--;
        }
        slot.removal = permanent ? Removal.HARD_DELETED : Removal.SOFT_DELETED;
        slot.deletedAt = now;
        slot.changeSeq = seq;
        if (alternateKeyOf != null) {
            String alt = key(alternateKeyOf.apply(slot.value));
            if (alt != null) {
                index.remove(alt);
            }
        }
        return slot.value;
    }

    public int size() {
        return slots.size();
    }

    public int liveCount() {
        return live;
    }

    public Slot<T> slot(int position) {
        return slots.get(position);
    }

    /** Live values in insertion order (a copy). */
    public List<T> liveValues() {
        List<T> result = new ArrayList<>(live);
        for (Slot<T> s : slots) {
            if (s.live()) {
                result.add(s.value);
            }
        }
        return result;
    }
}
