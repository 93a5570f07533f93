package io.m365platform.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An enum constant's name on the wire (events, REST, database rows): lower-case with hyphens, e.g.
 * {@code needs-reconnect}. Every enum of the contracts implements it, and every service parses wire names here, never
 * with switches of its own.
 */
public interface WireName {

    String wireName();

    /** The constant with this wire name, or empty. */
    static <E extends Enum<E> & WireName> Optional<E> find(Class<E> type, String wireName) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(wireName)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException} naming the type. */
    static <E extends Enum<E> & WireName> E parse(Class<E> type, String wireName) {
        return find(type, wireName).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + type.getSimpleName() + " '" + wireName + "'"));
    }

    /** Every wire name parsed (e.g. a database array column). */
    static <E extends Enum<E> & WireName> List<E> parseAll(Class<E> type, String[] wireNames) {
        List<E> out = new ArrayList<>(wireNames.length);
        for (String wireName : wireNames) {
            out.add(parse(type, wireName));
        }
        return List.copyOf(out);
    }

    /** The wire names of the values, in order. */
    static String[] wireNames(List<? extends WireName> values) {
        return values.stream().map(WireName::wireName).toArray(String[]::new);
    }
}
