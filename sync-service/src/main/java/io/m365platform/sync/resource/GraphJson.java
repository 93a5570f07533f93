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

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the shape of nearly every Graph timestamp, without a formatter (a
     * users page holds thousands); null for anything else, which the caller parses the general way.
     */
    static Instant utc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                return null;
            }
            int fraction = digits(s, 20, n - 21);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * (int) Math.pow(10, 9 - (n - 21));
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        try {
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (java.time.DateTimeException invalidDate) {
            return null;
        }
    }

    /** The decimal number in s[from, from + count), or -1 when a character is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** ISO instant; Graph sometimes sends local date-times without an offset (UTC is meant). */
    public static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            // The common shape (UTC, "Z"): read directly, or by Instant.parse (much cheaper than OffsetDateTime).
            if (s.endsWith("Z")) {
                Instant plain = utc(s);
                return plain != null ? plain : Instant.parse(s);
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
