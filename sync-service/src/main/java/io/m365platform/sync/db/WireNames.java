package io.m365platform.sync.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Maps the contracts' enums (which carry a wire name) to and from the strings stored in the database. */
public final class WireNames {

    private WireNames() {
    }

    public static <E extends Enum<E>> E fromWire(Class<E> type, Function<E, String> wireName, String value) {
        for (E constant : type.getEnumConstants()) {
            if (wireName.apply(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + value + "'");
    }

    public static <E extends Enum<E>> List<E> fromWire(Class<E> type, Function<E, String> wireName, String[] values) {
        List<E> out = new ArrayList<>(values.length);
        for (String value : values) {
            out.add(fromWire(type, wireName, value));
        }
        return List.copyOf(out);
    }

    public static <E> String[] toWire(List<E> values, Function<E, String> wireName) {
        return values.stream().map(wireName).toArray(String[]::new);
    }
}
