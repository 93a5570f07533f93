package io.m365platform.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker catches each kind of break, and lets compatible evolution through. */
class SchemaCompatibilityCheckerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaCompatibilityChecker checker = new SchemaCompatibilityChecker();

    private static final String RELEASED = """
            {"type": "object", "additionalProperties": true, "required": ["id", "state"],
             "properties": {
               "id": {"type": "string", "minLength": 1},
               "state": {"type": "string", "enum": ["on", "off"]},
               "count": {"type": "integer", "minimum": 0},
               "note": {"type": ["string", "null"]},
               "tags": {"type": "array", "items": {"type": "string"}},
               "owner": {"type": "object", "properties": {"name": {"type": "string"}}},
               "version": {"const": 1}
             },
             "allOf": [{"if": {"properties": {"state": {"const": "on"}}},
                        "then": {"properties": {"since": {"type": "string"}}}}]}
            """;

    private List<Incompatibility> check(String changedJson) throws Exception {
        return checker.check("x.json", JSON.readTree(RELEASED), JSON.readTree(changedJson));
    }

    /** The released schema with one textual replacement applied. */
    private List<Incompatibility> checkChange(String from, String to) throws Exception {
        assertTrue(RELEASED.contains(from), "test setup: " + from);
        return check(RELEASED.replace(from, to));
    }

    private static void assertOnly(IncompatibilityKind kind, String path, List<Incompatibility> found) {
        assertEquals(1, found.size(), found.toString());
        assertEquals(kind, found.get(0).kind(), found.toString());
        assertEquals(path, found.get(0).path(), found.toString());
    }

    @Test
    void identicalSchemaIsCompatible() throws Exception {
        assertEquals(List.of(), check(RELEASED));
    }

    @Test
    void compatibleEvolutionPasses() throws Exception {
        String evolved = RELEASED
                .replace("\"enum\": [\"on\", \"off\"]", "\"enum\": [\"on\", \"off\", \"paused\"]")
                .replace("\"count\": {\"type\": \"integer\", \"minimum\": 0}", "\"count\": {\"type\": \"number\"}")
                .replace("\"note\": {\"type\": [\"string\", \"null\"]},",
                        "\"note\": {\"type\": [\"string\", \"null\"]}, \"added\": {\"type\": \"boolean\"},")
                .replace("\"minLength\": 1", "\"minLength\": 0");
        assertEquals(List.of(), check(evolved));
    }

    @Test
    void removedPropertyIsCaught() throws Exception {
        assertOnly(IncompatibilityKind.REMOVED_PROPERTY, "/count",
                checkChange("\"count\": {\"type\": \"integer\", \"minimum\": 0},", ""));
    }

    @Test
    void removedNestedPropertyIsCaught() throws Exception {
        assertOnly(IncompatibilityKind.REMOVED_PROPERTY, "/owner/name",
                checkChange("{\"name\": {\"type\": \"string\"}}", "{}"));
    }

    @Test
    void newRequiredPropertyIsCaught() throws Exception {
        assertOnly(IncompatibilityKind.NEW_REQUIRED_PROPERTY, "/count",
                checkChange("\"required\": [\"id\", \"state\"]", "\"required\": [\"id\", \"state\", \"count\"]"));
    }

    @Test
    void typeChangeIsCaught() throws Exception {
        assertOnly(IncompatibilityKind.TYPE_CHANGED, "/count",
                checkChange("\"count\": {\"type\": \"integer\"", "\"count\": {\"type\": \"string\""));
    }

    @Test
    void droppingNullIsATypeChange() throws Exception {
        assertOnly(IncompatibilityKind.TYPE_CHANGED, "/note",
                checkChange("\"note\": {\"type\": [\"string\", \"null\"]}", "\"note\": {\"type\": \"string\"}"));
    }

    @Test
    void arrayItemTypeChangeIsCaught() throws Exception {
        assertOnly(IncompatibilityKind.TYPE_CHANGED, "/tags[]",
                checkChange("\"items\": {\"type\": \"string\"}", "\"items\": {\"type\": \"integer\"}"));
    }

    @Test
    void narrowedEnumIsCaught() throws Exception {
        assertOnly(IncompatibilityKind.ENUM_NARROWED, "/state",
                checkChange("\"enum\": [\"on\", \"off\"]", "\"enum\": [\"on\"]"));
    }

    @Test
    void enumOnAFreeValueIsCaught() throws Exception {
        assertOnly(IncompatibilityKind.ENUM_NARROWED, "/note",
                checkChange("\"note\": {\"type\": [\"string\", \"null\"]}",
                        "\"note\": {\"type\": [\"string\", \"null\"], \"enum\": [\"a\", null]}"));
    }

    @Test
    void changedConstIsCaught() throws Exception {
        assertOnly(IncompatibilityKind.CONST_CHANGED, "/version", checkChange("{\"const\": 1}", "{\"const\": 2}"));
    }

    @Test
    void closingAdditionalPropertiesIsCaught() throws Exception {
        assertOnly(IncompatibilityKind.ADDITIONAL_PROPERTIES_CLOSED, "",
                checkChange("\"additionalProperties\": true", "\"additionalProperties\": false"));
    }

    @Test
    void stricterConstraintsAreCaught() throws Exception {
        assertOnly(IncompatibilityKind.CONSTRAINT_NARROWED, "/id", checkChange("\"minLength\": 1", "\"minLength\": 3"));
        assertOnly(IncompatibilityKind.CONSTRAINT_NARROWED, "/id",
                checkChange("\"minLength\": 1", "\"minLength\": 1, \"pattern\": \"^[a-z]+$\""));
        assertOnly(IncompatibilityKind.CONSTRAINT_NARROWED, "/count",
                checkChange("\"minimum\": 0", "\"minimum\": 0, \"maximum\": 10"));
    }

    @Test
    void removedConditionalBranchIsCaught() throws Exception {
        // the branch moves out of allOf into an unknown keyword: allOf is left empty
        List<Incompatibility> found = checkChange("\"allOf\": [{\"if\"", "\"allOf\": [], \"x-moved\": [{\"if\"");
        assertEquals(1, found.size(), found.toString());
        assertEquals(IncompatibilityKind.REMOVED_SUBSCHEMA, found.get(0).kind(), found.toString());
    }

    @Test
    void removedEventTypeIsCaught(@TempDir Path dir) throws Exception {
        Path released = Files.createDirectories(dir.resolve("released/feature"));
        Path current = Files.createDirectories(dir.resolve("current/feature"));
        Files.writeString(released.resolve("a.v1.json"), "{\"type\": \"object\"}");
        Files.writeString(released.resolve("b.v1.json"), "{\"type\": \"object\"}");
        Files.writeString(current.resolve("a.v1.json"), "{\"type\": \"object\"}");
        List<Incompatibility> found = checker.check(SchemaTree.fromDirectory(dir.resolve("released")),
                SchemaTree.fromDirectory(dir.resolve("current")));
        assertOnly(IncompatibilityKind.REMOVED_EVENT_TYPE, "", found);
        assertEquals("feature/b.v1.json", found.get(0).schema());
    }

    @Test
    void breaksBehindReferencesAreCaught(@TempDir Path dir) throws Exception {
        // the break is in a shared definitions file that the event schema only references
        for (String version : List.of("released", "current")) {
            Path feature = Files.createDirectories(dir.resolve(version + "/feature"));
            Files.createDirectories(dir.resolve(version + "/common"));
            Files.writeString(feature.resolve("e.v1.json"), """
                    {"type": "object", "properties": {"kind": {"$ref": "../common/defs.v1.json#/$defs/kind"}}}""");
            Files.writeString(dir.resolve(version + "/common/defs.v1.json"), version.equals("released")
                    ? "{\"$defs\": {\"kind\": {\"type\": \"string\", \"enum\": [\"a\", \"b\"]}}}"
                    : "{\"$defs\": {\"kind\": {\"type\": \"string\", \"enum\": [\"a\"]}}}");
        }
        List<Incompatibility> found = checker.check(SchemaTree.fromDirectory(dir.resolve("released")),
                SchemaTree.fromDirectory(dir.resolve("current")));
        // reported for the event schema (through the ref) and for the definitions file itself
        assertTrue(found.stream().anyMatch(i -> i.schema().equals("feature/e.v1.json")
                && i.kind() == IncompatibilityKind.ENUM_NARROWED && i.path().equals("/kind")), found.toString());
    }

    @Test
    void bundlingInlinesReferencesAcrossFiles() {
        JsonNode bundled = SchemaTree.current().bundled("directory/user.deleted.v1.json");
        assertEquals("string", bundled.at("/properties/connectionId/type").asText());
        assertEquals("date-time", bundled.at("/properties/observedAt/format").asText());
        assertTrue(bundled.at("/properties/reason/enum").isArray());
        assertTrue(!bundled.toString().contains("$ref"), bundled.toString());
    }
}
