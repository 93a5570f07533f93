package io.m365platform.sync.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of ids that answers "certainly not added" or "perhaps added" (a scalable Bloom filter): no false negatives,
 * about one false positive in a thousand, 2 bytes per id whatever the number of ids (a run over a million users keeps
 * two of them in a few MB, not the ids themselves). When a layer is full a layer four times larger is added, so the
 * filter needs no size up front.
 */
final class IdFilter {

    private static final int FIRST_CAPACITY = 1 << 14;
    private static final int BITS_PER_ID = 16;
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

    /** 64-bit FNV-1a over the chars, then a murmur finaliser: ids differing in one char spread over all bits. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
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
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32);
            for (int i = 0; i < HASHES; i++) {
                long bit = Integer.toUnsignedLong(h1 + i * h2) % bits;
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
            count++;
        }

        boolean contains(long hash) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32);
            for (int i = 0; i < HASHES; i++) {
                long bit = Integer.toUnsignedLong(h1 + i * h2) % bits;
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
