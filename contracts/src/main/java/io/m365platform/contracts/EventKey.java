package io.m365platform.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds and parses Kafka keys of the form {@code part/part/...}. The first part is always the connection
 * id. Parts are percent-escaped ({@code %} → {@code %25}, {@code /} → {@code %2F}) so that an id that
 * contains a slash (Teams membership ids are base64) can never shift the other parts.
 */
public final class EventKey {

    private EventKey() {
    }

    /** Joins the parts with {@code /}, escaping each. No part may be null or empty. */
    public static String of(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("a key needs at least one part");
        }
        int length = parts.length;
        for (String part : parts) {
            length += part == null ? 0 : part.length();
        }
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part == null || part.isEmpty()) {
                throw new IllegalArgumentException("key part " + i + " is null or empty");
            }
            if (i > 0) {
                key.append('/');
            }
            if (part.indexOf('%') < 0 && part.indexOf('/') < 0) {
                key.append(part); // GUIDs, the usual part: nothing to escape
            } else {
                key.append(part.replace("%", "%25").replace("/", "%2F"));
            }
        }
        return key.toString();
    }

    /** Splits a key built by {@link #of} back into its (unescaped) parts. */
    public static List<String> parts(String key) {
        Objects.requireNonNull(key, "key");
        List<String> parts = new ArrayList<>();
        for (String raw : key.split("/", -1)) {
            parts.add(raw.replace("%2F", "/").replace("%25", "%"));
        }
        return List.copyOf(parts);
    }

    /** The connection id of a key (its first part); works for tombstones, which carry no headers. */
    public static String connectionIdOf(String key) {
        return parts(key).get(0);
    }
}
