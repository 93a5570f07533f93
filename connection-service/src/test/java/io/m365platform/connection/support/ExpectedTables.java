package io.m365platform.connection.support;

import io.m365platform.connection.capability.CapabilityRow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The hand-written expected capability tables of {@code expected-capability-tables.txt}. */
public final class ExpectedTables {

    /** One expected row: id, state and the exact missing permissions. */
    public record Row(String id, String state, List<String> missing) {
        @Override
        public String toString() {
            return id + " " + state + (missing.isEmpty() ? "" : " " + String.join(" ", missing));
        }
    }

    private ExpectedTables() {
    }

    /** Key: "{product} {method} {level}". */
    public static Map<String, List<Row>> load() {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ExpectedTables.class.getClassLoader().getResourceAsStream("expected-capability-tables.txt")),
                StandardCharsets.UTF_8))) {
            List<Row> current = null;
            for (String line; (line = in.readLine()) != null; ) {
                line = line.strip();
                if (line.startsWith("## ")) {
                    current = new ArrayList<>();
                    tables.put(line.substring(3).strip(), current);
                } else if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] parts = line.split("\\s+");
                    Objects.requireNonNull(current, "row before a table header").add(new Row(parts[0], parts[1],
                            List.of(Arrays.copyOfRange(parts, 2, parts.length))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    /** The rows of an actual table in the same shape, for one equality assertion with a readable diff. */
    public static List<String> describe(List<CapabilityRow> rows) {
        return rows.stream().map(r -> new Row(r.id(), r.state().wireName(), r.missingPermissions()).toString()).toList();
    }

    public static List<String> describeExpected(List<Row> rows) {
        return rows.stream().map(Row::toString).toList();
    }
}
