package io.m365platform.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventKeyTest {

    @Test
    void joinsPartsWithSlashes() {
        assertEquals("conn/user", EventKey.of("conn", "user"));
        assertEquals(List.of("conn", "user"), EventKey.parts("conn/user"));
    }

    @Test
    void escapesSlashesAndPercentSoPartsNeverShift() {
        String membershipId = "MCMjMjQz/ZGE=%2F";
        String key = EventKey.of("conn", "team", membershipId);
        assertEquals("conn/team/MCMjMjQz%2FZGE=%252F", key);
        assertEquals(List.of("conn", "team", membershipId), EventKey.parts(key));
        assertEquals("conn", EventKey.connectionIdOf(key));
    }

    @Test
    void rejectsEmptyParts() {
        assertThrows(IllegalArgumentException.class, () -> EventKey.of("conn", ""));
        assertThrows(IllegalArgumentException.class, () -> EventKey.of("conn", (String) null));
        assertThrows(IllegalArgumentException.class, EventKey::of);
    }

    @Test
    void syncedAndDeletedEventsOfOneEntityShareTheKey() {
        var samples = SampleEvents.all();
        var synced = (io.m365platform.contracts.directory.UserSynced) samples.get(EventType.USER_SYNCED);
        var deleted = new io.m365platform.contracts.directory.UserDeleted(synced.connectionId(), synced.tenantId(),
                synced.syncRunId(), synced.observedAt(), synced.user().id(), DeletionReason.HARD_DELETED);
        assertEquals(synced.kafkaKey(), deleted.kafkaKey());
        assertEquals(SampleEvents.CONNECTION + "/" + SampleEvents.ADELE, synced.kafkaKey());
    }
}
