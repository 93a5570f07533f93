package io.m365platform.contracts.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.SampleEvents;
import io.m365platform.contracts.schema.SchemaTree;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AsyncAPI document is valid AsyncAPI 3.0 and agrees with EventType, Topic and the schema files. */
class AsyncApiDocumentTest {

    private static final AsyncApiDocument DOCUMENT = AsyncApiDocument.standard();
    /** The official AsyncAPI 3.0.0 JSON Schema (npm @asyncapi/specs, Apache-2.0), vendored for offline use. */
    private static final JsonSchema ASYNCAPI_SPEC = loadSpec();

    private static JsonSchema loadSpec() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(
                "/asyncapi-spec/asyncapi-3.0.0.schema.json")) {
            JsonNode spec = new ObjectMapper().readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void documentIsValidAsyncApi3() {
        Set<ValidationMessage> errors = ASYNCAPI_SPEC.validate(DOCUMENT.root());
        assertTrue(errors.isEmpty(), "asyncapi.yaml is not valid AsyncAPI 3.0.0: " + errors);
        assertEquals("3.0.0", DOCUMENT.root().path("asyncapi").asText());
    }

    @Test
    void theSpecSchemaRejectsABrokenDocument() {
        JsonNode broken = DOCUMENT.root().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("channels").path("connections"))
                .put("address", 42);
        assertFalse(ASYNCAPI_SPEC.validate(broken).isEmpty(), "the spec schema must catch a non-string address");
    }

    @Test
    void documentNamesEverySchemaFileAndEverySchemaFileIsNamed() {
        Set<String> referenced = new TreeSet<>();
        for (String ref : DOCUMENT.schemaFileRefs()) {
            assertTrue(ref.startsWith("./schemas/"), "unexpected file reference " + ref);
            referenced.add(ref.substring("./schemas/".length()));
        }
        Set<String> files = new TreeSet<>(SchemaTree.current().paths());
        assertEquals(files, referenced, "schema files vs files referenced by asyncapi.yaml");
    }

    @Test
    void everyEventTypeIsAMessageOfItsTopicWithItsSchema() {
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        Set<String> messageNames = new HashSet<>();
        for (AsyncApiDocument.Channel channel : DOCUMENT.channels()) {
            assertFalse(channel.messages().isEmpty(), channel.id() + " has no messages");
            for (AsyncApiDocument.Message message : channel.messages()) {
                assertTrue(messageNames.add(message.name()), "duplicate message " + message.name());
                EventType type = EventType.fromType(message.cloudEventType()).orElseThrow(
                        () -> new AssertionError(message.name() + ": unknown ce_type " + message.cloudEventType()));
                assertTrue(seen.add(type), type + " appears twice");
                assertEquals(type.topic().topicName(), channel.address(), type + " is on the wrong channel");
                assertEquals("./schemas/" + type.schemaPath(), message.schemaRef(), type + " schema");
                JsonNode schema = SchemaTree.current().document(type.schemaPath());
                assertEquals(type.schemaId(), schema.path("$id").asText(), type + " $id");
                assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
            }
        }
        assertEquals(EnumSet.allOf(EventType.class), seen, "event types missing from asyncapi.yaml");
    }

    @Test
    void everySchemaFileHasItsPathAsId() {
        SchemaTree schemas = SchemaTree.current();
        for (String path : schemas.paths()) {
            assertEquals(EventType.SCHEMA_ID_BASE + path, schemas.document(path).path("$id").asText(), path);
        }
    }

    @Test
    void channelsAreExactlyTheTopics() {
        Set<String> addresses = new TreeSet<>();
        DOCUMENT.channels().forEach(c -> addresses.add(c.address()));
        Set<String> topics = new TreeSet<>();
        for (Topic topic : Topic.values()) {
            topics.add(topic.topicName());
        }
        assertEquals(topics, addresses);
    }

    @Test
    void catalogLoadsEveryTopicWithItsSettings() {
        TopicCatalog catalog = TopicCatalog.standard();
        assertEquals(Topic.values().length, TopicCatalog.all().size());
        for (TopicSpec spec : TopicCatalog.all()) {
            assertTrue(spec.partitions() >= 1 && spec.replicas() >= 1, spec.name());
            assertFalse(spec.keyPattern().isBlank(), spec.name());
            assertEquals(EventType.on(spec.topic()), spec.eventTypes(), spec.name());
        }
        TopicSpec users = catalog.spec(Topic.DIRECTORY_USERS);
        assertEquals("compact", users.cleanupPolicy());
        assertEquals(12, users.partitions());
        assertEquals("{connectionId}/{userId}", users.keyPattern());
        assertEquals(null, users.retention());
        TopicSpec requests = catalog.byName("m365.actions.requests").orElseThrow();
        assertEquals("delete", requests.cleanupPolicy());
        assertEquals(java.time.Duration.ofDays(14), requests.retention());
    }

    @Test
    void entityTopicsAreCompactedAndRunAndCommandTopicsAreNot() {
        Set<Topic> appendOnly = EnumSet.of(Topic.SYNC_REQUESTS, Topic.SYNC_RUNS, Topic.USAGE_INGESTION, Topic.ACTIONS_REQUESTS,
                Topic.ACTIONS_RESULTS, Topic.DEAD_LETTER);
        for (TopicSpec spec : TopicCatalog.all()) {
            assertEquals(!appendOnly.contains(spec.topic()), spec.compacted(), spec.name());
        }
        for (EventType type : EventType.values()) {
            if (type.type().contains(".deleted.")) {
                assertTrue(TopicCatalog.standard().spec(type.topic()).compacted(), type + " needs a compacted topic");
            }
        }
    }

    @Test
    void sampleKeysHaveTheShapeTheDocumentAnnounces() {
        Pattern placeholder = Pattern.compile("\\{[^}]+}|[^/{}]+");
        for (Map.Entry<EventType, PlatformEvent> sample : SampleEvents.all().entrySet()) {
            TopicSpec spec = TopicCatalog.standard().spec(sample.getKey().topic());
            List<String> parts = EventKey.parts(sample.getValue().kafkaKey());
            boolean matches = false;
            for (String alternative : spec.keyPattern().split(" and | or ")) {
                Matcher segments = placeholder.matcher(alternative);
                List<String> expected = segments.results().map(r -> r.group()).toList();
                if (expected.size() != parts.size()) {
                    continue;
                }
                boolean all = true;
                for (int i = 0; i < expected.size(); i++) {
                    boolean literal = !expected.get(i).startsWith("{");
                    all &= !literal || expected.get(i).equals(parts.get(i));
                }
                matches |= all;
            }
            assertTrue(matches, sample.getKey() + ": key " + sample.getValue().kafkaKey() + " does not match "
                    + spec.keyPattern());
            assertNotNull(sample.getValue().subject());
        }
    }
}
