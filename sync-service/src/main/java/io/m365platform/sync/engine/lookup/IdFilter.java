package io.m365platform.sync.engine.lookup;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of ids that answers "certainly not added" or "perhaps added" (a scalable, blocked Bloom filter): no false
 * negatives, about one false positive in a thousand, 4 bytes per id whatever the number of ids (a run over a million
 * users keeps two of them in a few MB, not the ids themselves). When a layer is full a layer four times larger is
 * added, so the filter needs no size up front. An id's bits lie in one 64-bit word of a layer (one memory access per
 * layer, not one per bit), and its hash starts from {@link String#hashCode()}, which the id's string keeps after the
 * first use as a map key.
 */
final class IdFilter {

    private static final int FIRST_CAPACITY = 1 << 14;
    private static final int BITS_PER_ID = 32;
    private static final int HASHES = 6;

    private final List<Layer> layers = new ArrayList<>();
    private long added;

    IdFilter() {
        layers.add(new Layer(FIRST_CAPACITY));
    }

    synchronized void add(String id) {
        long hash = hash(id);
        for (Layer layer : layers) {
            if (layer.contains(hash)) {
                return;
            }
        }
        Layer last = layers.getLast();
        if (last.count >= last.capacity) {
            last = new Layer(last.capacity * 4L > Integer.MAX_VALUE / BITS_PER_ID ? last.capacity : last.capacity * 4);
            layers.add(last);
        }
        last.add(hash);
        added++;
    }

    synchronized boolean mightContain(String id) {
        long hash = hash(id);
        for (Layer layer : layers) {
            if (layer.contains(hash)) {
                return true;
            }
        }
        return false;
    }

    /** Distinct ids added (not counting those that looked already added). */
    synchronized long size() {
        return added;
    }

    /** The string's (cached) hash, spread over 64 bits by a murmur finaliser. */
    static long hash(String id) {
        long h = id.hashCode() * 0x9e3779b97f4a7c15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static final class Layer {
        final int capacity;
        final long[] words;
        final long bits;
        int count;

        Layer(int capacity) {
            this.capacity = capacity;
            this.bits = (long) capacity * BITS_PER_ID;
            this.words = new long[(int) (bits / 64)];
        }

        void add(long hash) {
            words[word(hash)] |= mask(hash);
            count++;
        }

        boolean contains(long hash) {
            long mask = mask(hash);
            return (words[word(hash)] & mask) == mask;
        }

        /** The word: from the hash's upper half. */
        private int word(long hash) {
            return (int) (Integer.toUnsignedLong((int) (hash >>> 32)) % words.length);
        }

        /** The id's bits within its word: six 6-bit slices of the hash, folded. */
        private static long mask(long hash) {
            long mask = 0;
            long bits = hash ^ (hash >>> 29);
            for (int i = 0; i < HASHES; i++) {
                mask |= 1L << (bits & 63);
                bits >>>= 6;
            }
            return mask;
        }
    }
}
