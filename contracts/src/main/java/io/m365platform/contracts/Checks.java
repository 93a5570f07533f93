package io.m365platform.contracts;

import java.util.List;
import java.util.Map;

/**
 * Argument checks shared by the event records' compact constructors, so that an invalid record cannot be
 * built in Java (the JSON Schemas say the same for other languages).
 */
public final class Checks {

    private Checks() {
    }

    /** Returns {@code value} or throws if it is null or blank. */
    public static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Returns {@code value} or throws if it is null. */
    public static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Returns {@code value} or throws if it is negative. */
    public static long requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /** An immutable copy; null becomes an empty list (absent and empty mean the same on the wire). */
    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** An immutable copy; null becomes an empty map. */
    public static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }
}
