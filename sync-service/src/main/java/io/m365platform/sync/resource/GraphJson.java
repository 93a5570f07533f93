package io.m365platform.sync.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Null-safe reading of Graph JSON items (absent and JSON null read as null). */
public final class GraphJson {

    private GraphJson() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    public static boolean bool(JsonNode node, String field, boolean fallback) {
        Boolean v = bool(node, field);
        return v == null ? fallback : v;
    }

    public static int integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? 0 : v.asInt();
    }

    /** ISO instant; Graph sometimes sends local date-times without an offset (UTC is meant). */
    public static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            // The common shape (UTC, "Z"): Instant.parse is much cheaper than OffsetDateTime.parse.
            if (s.endsWith("Z")) {
                return Instant.parse(s);
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s.endsWith("Z") ? s : s + "Z");
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    public static List<String> texts(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isNull()) {
                out.add(item.asText());
            }
        }
        return out;
    }

    /** Items of an array field, never null. */
    public static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isArray() ? List.of() : v;
    }

    /** {@code #microsoft.graph.user} → {@code user}. */
    public static String odataType(JsonNode node) {
        String type = text(node, "@odata.type");
        if (type == null) {
            return null;
        }
        int dot = type.lastIndexOf('.');
        return dot >= 0 ? type.substring(dot + 1) : type;
    }
}
