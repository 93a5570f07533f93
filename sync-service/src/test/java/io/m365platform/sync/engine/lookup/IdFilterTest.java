package io.m365platform.sync.engine.lookup;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdFilterTest {

    @Test
    void everyAddedIdIsFoundAcrossLayersAndFewOthersAre() {
        IdFilter filter = new IdFilter();
        String[] added = new String[300_000]; // three layers: 16k, 64k, 256k ids
        for (int i = 0; i < added.length; i++) {
            added[i] = UUID.randomUUID() + "/" + (i % 7);
            filter.add(added[i]);
        }
        for (String id : added) {
            assertTrue(filter.mightContain(id), id);
        }
        int falsePositives = 0;
        int probes = 200_000;
        for (int i = 0; i < probes; i++) {
            if (filter.mightContain(UUID.randomUUID().toString())) {
                falsePositives++;
            }
        }
        // well under one in a thousand per full layer, three layers
        System.out.printf("IdFilter: %d false positives in %d probes%n", falsePositives, probes);
        assertTrue(falsePositives < probes / 250, falsePositives + " false positives in " + probes);
        // an id taken for one already added (a false positive) is not counted again
        assertTrue(filter.size() > added.length * 0.99 && filter.size() <= added.length, "size " + filter.size());
    }

    @Test
    void idsDifferingInOneCharacterAreToldApart() {
        IdFilter filter = new IdFilter();
        filter.add("0be5a551-1deb-45a5-81ee-3704c8a9fe12");
        assertTrue(filter.mightContain("0be5a551-1deb-45a5-81ee-3704c8a9fe12"));
        assertFalse(filter.mightContain("0be5a551-1deb-45a5-81ee-3704c8a9fe13"));
        assertFalse(filter.mightContain(""));
        filter.add("0be5a551-1deb-45a5-81ee-3704c8a9fe12");
        assertEquals(1, filter.size());
    }
}
