package io.m365platform.contracts;

import io.m365platform.contracts.topics.TopicCatalog;
import io.m365platform.contracts.topics.TopicSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's event catalogue lists every topic with its key, and every event type. */
class ReadmeCatalogueTest {

    @Test
    void readmeListsEveryTopicAndEventType() throws Exception {
        String readme = Files.readString(Path.of("README.md")); // surefire runs in the module directory
        for (TopicSpec spec : TopicCatalog.all()) {
            assertTrue(readme.contains("| `" + spec.name() + "` | `" + spec.keyPattern() + "` |"),
                    "README catalogue row for " + spec.name());
        }
        for (EventType type : EventType.values()) {
            String shortName = type.type().substring(EventType.TYPE_PREFIX.length()).replaceAll("\\.v1$", "");
            assertTrue(readme.contains("`" + shortName + "`"), "README lists " + type.type());
        }
    }
}
