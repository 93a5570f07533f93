package io.m365platform.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the current schemas are backward compatible with a released copy: every event valid under the
 * released schema must still be valid, and nothing a consumer could rely on may disappear. Rules (on bundled
 * schemas, see {@link SchemaTree#bundled}):
 * <ul>
 *   <li>no released schema file removed (no event type removed);</li>
 *   <li>no property removed, no property newly required;</li>
 *   <li>no type changed or narrowed ({@code integer} to {@code number} is a widening and allowed);</li>
 *   <li>no enum value removed, no const changed, additionalProperties never closed;</li>
 *   <li>no stricter pattern, format, length, size or range;</li>
 *   <li>no allOf entry or if/then branch removed.</li>
 * </ul>
 * Compatible evolution is therefore: add optional properties, add enum values, add event types, relax
 * constraints. Anything else needs a new major version of the event type (a new schema file and type).
 */
public final class SchemaCompatibilityChecker {

    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minItems", "minimum",
            "exclusiveMinimum", "minProperties");
    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maxItems", "maximum",
            "exclusiveMaximum", "maxProperties");

    /** Every incompatibility of {@code current} against {@code released}; empty when compatible. */
    public List<Incompatibility> check(SchemaTree released, SchemaTree current) {
        List<Incompatibility> found = new ArrayList<>();
        for (String path : released.paths()) {
            if (!current.contains(path)) {
                found.add(new Incompatibility(path, "", IncompatibilityKind.REMOVED_EVENT_TYPE,
                        "schema file was released and is gone"));
                continue;
            }
            found.addAll(check(path, released.bundled(path), current.bundled(path)));
        }
        return found;
    }

    /** Every incompatibility between two bundled versions of one schema. */
    public List<Incompatibility> check(String schemaName, JsonNode released, JsonNode current) {
        List<Incompatibility> found = new ArrayList<>();
        compare(schemaName, "", released, current, found);
        return found;
    }

    private void compare(String schema, String path, JsonNode old, JsonNode now, List<Incompatibility> found) {
        if (old == null || !old.isObject()) {
            return; // boolean schemas and absent parts: nothing to narrow
        }
        if (now == null || now.isMissingNode()) {
            found.add(new Incompatibility(schema, path, IncompatibilityKind.REMOVED_SUBSCHEMA, "sub-schema removed"));
            return;
        }
        if (now.isBoolean()) {
            if (!now.asBoolean()) {
                found.add(new Incompatibility(schema, path, IncompatibilityKind.TYPE_CHANGED,
                        "schema became false (nothing valid)"));
            }
            return;
        }
        compareTypes(schema, path, old, now, found);
        compareEnums(schema, path, old, now, found);
        compareConstraints(schema, path, old, now, found);
        compareProperties(schema, path, old, now, found);
        compareAdditionalProperties(schema, path, old, now, found);
        if (old.has("items")) {
            compare(schema, path + "[]", old.get("items"), now.path("items"), found);
        } else if (now.has("items") && now.get("items").isObject()) {
            found.add(new Incompatibility(schema, path + "[]", IncompatibilityKind.CONSTRAINT_NARROWED,
                    "items schema added where any item was allowed"));
        }
        compareBranches(schema, path, old, now, found);
    }

    private void compareTypes(String schema, String path, JsonNode old, JsonNode now, List<Incompatibility> found) {
        Set<String> oldTypes = types(old);
        Set<String> newTypes = types(now);
        if (newTypes.isEmpty()) {
            return; // any type allowed now
        }
        if (oldTypes.isEmpty()) {
            found.add(new Incompatibility(schema, path, IncompatibilityKind.TYPE_CHANGED,
                    "type restricted to " + newTypes + " where any type was allowed"));
            return;
        }
        for (String type : oldTypes) {
            boolean kept = newTypes.contains(type) || ("integer".equals(type) && newTypes.contains("number"));
            if (!kept) {
                found.add(new Incompatibility(schema, path, IncompatibilityKind.TYPE_CHANGED,
                        "type was " + oldTypes + ", is " + newTypes));
                return;
            }
        }
    }

    private void compareEnums(String schema, String path, JsonNode old, JsonNode now, List<Incompatibility> found) {
        if (now.has("enum")) {
            if (!old.has("enum")) {
                found.add(new Incompatibility(schema, path, IncompatibilityKind.ENUM_NARROWED,
                        "enum added where any value was allowed"));
            } else {
                Set<JsonNode> allowed = new HashSet<>();
                now.get("enum").forEach(allowed::add);
                for (JsonNode value : old.get("enum")) {
                    if (!allowed.contains(value)) {
                        found.add(new Incompatibility(schema, path, IncompatibilityKind.ENUM_NARROWED,
                                "enum value " + value + " removed"));
                    }
                }
            }
        }
        if (now.has("const") && !now.get("const").equals(old.get("const"))) {
            found.add(new Incompatibility(schema, path, IncompatibilityKind.CONST_CHANGED,
                    "const was " + old.get("const") + ", is " + now.get("const")));
        }
    }

    private void compareConstraints(String schema, String path, JsonNode old, JsonNode now,
                                    List<Incompatibility> found) {
        for (String keyword : List.of("pattern", "format")) {
            if (now.has(keyword) && !now.get(keyword).equals(old.get(keyword))) {
                found.add(new Incompatibility(schema, path, IncompatibilityKind.CONSTRAINT_NARROWED,
                        keyword + " was " + old.get(keyword) + ", is " + now.get(keyword)));
            }
        }
        for (String keyword : LOWER_BOUNDS) {
            if (now.has(keyword) && (!old.has(keyword)
                    || now.get(keyword).decimalValue().compareTo(old.get(keyword).decimalValue()) > 0)) {
                found.add(new Incompatibility(schema, path, IncompatibilityKind.CONSTRAINT_NARROWED,
                        keyword + " was " + old.get(keyword) + ", is " + now.get(keyword)));
            }
        }
        for (String keyword : UPPER_BOUNDS) {
            if (now.has(keyword) && (!old.has(keyword)
                    || now.get(keyword).decimalValue().compareTo(old.get(keyword).decimalValue()) < 0)) {
                found.add(new Incompatibility(schema, path, IncompatibilityKind.CONSTRAINT_NARROWED,
                        keyword + " was " + old.get(keyword) + ", is " + now.get(keyword)));
            }
        }
        if (now.path("uniqueItems").asBoolean(false) && !old.path("uniqueItems").asBoolean(false)) {
            found.add(new Incompatibility(schema, path, IncompatibilityKind.CONSTRAINT_NARROWED,
                    "uniqueItems added"));
        }
    }

    private void compareProperties(String schema, String path, JsonNode old, JsonNode now,
                                   List<Incompatibility> found) {
        JsonNode oldProperties = old.path("properties");
        JsonNode newProperties = now.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = oldProperties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String propertyPath = path + "/" + property.getKey();
            if (!newProperties.has(property.getKey())) {
                found.add(new Incompatibility(schema, propertyPath, IncompatibilityKind.REMOVED_PROPERTY,
                        "property removed"));
            } else {
                compare(schema, propertyPath, property.getValue(), newProperties.get(property.getKey()), found);
            }
        }
        Set<String> oldRequired = textSet(old.path("required"));
        for (String required : textSet(now.path("required"))) {
            if (!oldRequired.contains(required)) {
                found.add(new Incompatibility(schema, path + "/" + required, IncompatibilityKind.NEW_REQUIRED_PROPERTY,
                        "property became required"));
            }
        }
    }

    private void compareAdditionalProperties(String schema, String path, JsonNode old, JsonNode now,
                                             List<Incompatibility> found) {
        JsonNode before = old.get("additionalProperties");
        JsonNode after = now.get("additionalProperties");
        boolean wasOpen = before == null || (before.isBoolean() && before.asBoolean());
        boolean isOpen = after == null || (after.isBoolean() && after.asBoolean());
        if (wasOpen && !isOpen) {
            found.add(new Incompatibility(schema, path, IncompatibilityKind.ADDITIONAL_PROPERTIES_CLOSED,
                    "additionalProperties was open, is " + after));
        } else if (!wasOpen && before.isObject() && after != null && after.isObject()) {
            compare(schema, path + "/*", before, after, found);
        }
    }

    /**
     * allOf / anyOf / oneOf entries and if-then branches: an old entry must still exist (matched by its
     * {@code if} for conditionals, else by position) and be compatible.
     */
    private void compareBranches(String schema, String path, JsonNode old, JsonNode now,
                                 List<Incompatibility> found) {
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode oldEntries = old.path(keyword);
            JsonNode newEntries = now.path(keyword);
            for (int i = 0; i < oldEntries.size(); i++) {
                JsonNode oldEntry = oldEntries.get(i);
                JsonNode match = null;
                if (oldEntry.has("if")) {
                    for (JsonNode candidate : newEntries) {
                        if (oldEntry.get("if").equals(candidate.get("if"))) {
                            match = candidate;
                        }
                    }
                } else if (i < newEntries.size()) {
                    match = newEntries.get(i);
                }
                String entryPath = path + "(" + keyword + "[" + i + "])";
                if (match == null) {
                    found.add(new Incompatibility(schema, entryPath, IncompatibilityKind.REMOVED_SUBSCHEMA,
                            keyword + " entry removed" + (oldEntry.has("if") ? " (if " + oldEntry.get("if") + ")" : "")));
                } else {
                    compare(schema, entryPath, oldEntry, match, found);
                }
            }
        }
        for (String keyword : List.of("then", "else", "not")) {
            if (old.has(keyword)) {
                compare(schema, path + "(" + keyword + ")", old.get(keyword), now.path(keyword), found);
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return Set.of();
        }
        return type.isArray() ? textSet(type) : Set.of(type.asText());
    }

    private static Set<String> textSet(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
