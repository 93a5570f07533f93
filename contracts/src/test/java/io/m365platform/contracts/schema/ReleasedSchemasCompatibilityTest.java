package io.m365platform.contracts.schema;

import io.m365platform.contracts.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate of the release process: fails when a change to src/main/resources/schemas breaks a released copy
 * under schemas-released/. The fix is never to edit the released copy, but to make the change compatible or
 * to add a new major version of the event type.
 */
class ReleasedSchemasCompatibilityTest {

    @Test
    void currentSchemasAreBackwardCompatibleWithEveryRelease() {
        assertFalse(SchemaReleases.versions().isEmpty(), "no released schemas found");
        List<Incompatibility> found = SchemaReleases.checkCurrent();
        assertTrue(found.isEmpty(), "schema changes break released contracts:\n"
                + String.join("\n", found.stream().map(Incompatibility::toString).toList()));
    }

    @Test
    void everyEventTypeOfTheLatestReleaseIsStillRegistered() {
        List<String> versions = SchemaReleases.versions();
        SchemaTree latest = SchemaReleases.release(versions.get(versions.size() - 1));
        for (String path : latest.paths()) {
            if (path.endsWith("defs.v1.json")) {
                continue;
            }
            boolean registered = false;
            for (EventType type : EventType.values()) {
                registered |= type.schemaPath().equals(path);
            }
            assertTrue(registered, path + " was released but no EventType uses it any more");
        }
    }

    @Test
    void releasesAreListedInOrder() {
        List<String> versions = SchemaReleases.versions();
        assertEquals("v1", versions.get(0));
    }
}
