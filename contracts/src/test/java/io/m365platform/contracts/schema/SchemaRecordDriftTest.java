package io.m365platform.contracts.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.EventType;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.ActionParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java records and the JSON Schemas describe the same thing: for every record (nested ones included) the
 * schema declares exactly the record's components, with a matching JSON type, and every primitive (never
 * null) component is required.
 */
class SchemaRecordDriftTest {

    private static final SchemaTree SCHEMAS = SchemaTree.current();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordAndSchemaDeclareTheSameProperties(EventType type) {
        List<String> problems = new ArrayList<>();
        compare(type.dataClass(), SCHEMAS.bundled(type.schemaPath()), type.dataClass().getSimpleName(), problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyActionTypeHasAParametersSchemaMatchingItsRecord() {
        JsonNode schema = SCHEMAS.bundled(EventType.ACTION_REQUESTED.schemaPath());
        List<String> problems = new ArrayList<>();
        for (ActionType type : ActionType.values()) {
            JsonNode parameters = null;
            for (JsonNode branch : schema.path("allOf")) {
                if (type.wireName().equals(branch.path("if").path("properties").path("type").path("const").asText())) {
                    parameters = branch.path("then").path("properties").path("parameters");
                }
            }
            if (parameters == null) {
                problems.add(type.wireName() + ": no if/then branch in action/requested.v1.json");
                continue;
            }
            compare(type.parametersClass(), parameters, type.wireName(), problems);
        }
        Set<String> enumValues = new TreeSet<>();
        schema.path("properties").path("type").path("enum").forEach(v -> enumValues.add(v.asText()));
        Set<String> javaValues = new TreeSet<>();
        for (ActionType type : ActionType.values()) {
            javaValues.add(type.wireName());
        }
        assertEquals(javaValues, enumValues, "action type enum");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void compare(Class<?> recordClass, JsonNode schema, String path, List<String> problems) {
        JsonNode objectSchema = objectBranch(schema);
        if (objectSchema == null) {
            problems.add(path + ": schema is not an object schema: " + schema);
            return;
        }
        JsonNode properties = objectSchema.path("properties");
        Set<String> declared = new TreeSet<>();
        properties.fieldNames().forEachRemaining(declared::add);
        Set<String> components = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        objectSchema.path("required").forEach(r -> required.add(r.asText()));
        for (RecordComponent component : recordClass.getRecordComponents()) {
            String name = jsonName(component);
            components.add(name);
            JsonNode property = properties.get(name);
            if (property == null) {
                continue;
            }
            if (component.getType().isPrimitive() && !required.contains(name)) {
                problems.add(path + "/" + name + ": primitive (never null) but not required in the schema");
            }
            if (recordClass == ActionRequested.class && name.equals("parameters")) {
                continue; // checked per action type
            }
            compareType(component.getGenericType(), property, path + "/" + name, problems);
        }
        if (!declared.equals(components)) {
            Set<String> onlyInSchema = new TreeSet<>(declared);
            onlyInSchema.removeAll(components);
            Set<String> onlyInRecord = new TreeSet<>(components);
            onlyInRecord.removeAll(declared);
            problems.add(path + ": only in schema " + onlyInSchema + ", only in record " + onlyInRecord);
        }
        for (String name : required) {
            if (!components.contains(name)) {
                problems.add(path + ": required property " + name + " is not a record component");
            }
        }
    }

    private void compareType(Type javaType, JsonNode schema, String path, List<String> problems) {
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        Set<String> types = jsonTypes(schema);
        if (List.class.isAssignableFrom(raw)) {
            expect(types, "array", path, problems);
            Type item = ((ParameterizedType) javaType).getActualTypeArguments()[0];
            compareType(item, schema.path("items"), path + "[]", problems);
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(types, "object", path, problems);
        } else if (raw.isRecord()) {
            compare(raw, schema, path, problems);
        } else if (raw.isEnum()) {
            Set<String> javaValues = new TreeSet<>();
            for (Object constant : raw.getEnumConstants()) {
                javaValues.add(io.m365platform.contracts.EventJson.mapper().valueToTree(constant).asText());
            }
            Set<String> schemaValues = new TreeSet<>();
            enumNode(schema).forEach(v -> {
                if (!v.isNull()) {
                    schemaValues.add(v.asText());
                }
            });
            if (!javaValues.equals(schemaValues)) {
                problems.add(path + ": enum " + raw.getSimpleName() + " " + javaValues + " vs schema " + schemaValues);
            }
        } else if (raw == String.class || raw == Instant.class || raw == LocalDate.class) {
            expect(types, "string", path, problems);
            if (raw == Instant.class && !"date-time".equals(schema.path("format").asText())) {
                problems.add(path + ": Instant without format date-time");
            }
            if (raw == LocalDate.class && !"date".equals(schema.path("format").asText())) {
                problems.add(path + ": LocalDate without format date");
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(types, "boolean", path, problems);
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            expect(types, "integer", path, problems);
        } else if (raw == double.class || raw == Double.class) {
            expect(types, "number", path, problems);
        } else if (!ActionParameters.class.isAssignableFrom(raw)) {
            problems.add(path + ": unexpected Java type " + raw);
        }
    }

    private static void expect(Set<String> types, String wanted, String path, List<String> problems) {
        if (!types.contains(wanted)) {
            problems.add(path + ": schema type " + types + ", Java needs " + wanted);
        }
    }

    /** type of a schema, looking into anyOf branches (nullable objects are anyOf [object, null]). */
    private static Set<String> jsonTypes(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.get("type");
        if (type != null) {
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
        }
        schema.path("anyOf").forEach(branch -> types.addAll(jsonTypes(branch)));
        return types;
    }

    private static JsonNode enumNode(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum");
        }
        for (JsonNode branch : schema.path("anyOf")) {
            if (branch.has("enum")) {
                return branch.get("enum");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode objectBranch(JsonNode schema) {
        if (schema.has("properties")) {
            return schema;
        }
        for (Iterator<JsonNode> it = schema.path("anyOf").elements(); it.hasNext(); ) {
            JsonNode branch = it.next();
            if (branch.has("properties")) {
                return branch;
            }
        }
        return null;
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null) {
            try {
                property = component.getAccessor().getAnnotation(JsonProperty.class);
            } catch (SecurityException e) {
                property = null;
            }
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }
}
