package io.m365platform.connection.capability;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A connection's capability table: one row per capability of its product, in catalogue order. */
public record CapabilityTable(List<CapabilityRow> rows) {

    public CapabilityTable {
        rows = List.copyOf(rows);
    }

    public static CapabilityTable empty() {
        return new CapabilityTable(List.of());
    }

    /**
     * The permissions the connection's permission level needs but the token lacks: the union of the rows in state
     * missing-permissions (workflow actions of a read connection are not counted: the level excludes them).
     */
    public List<String> missingPermissions() {
        Set<String> missing = new LinkedHashSet<>();
        rows.stream().filter(r -> r.state() == CapabilityState.MISSING_PERMISSIONS)
                .forEach(r -> missing.addAll(r.missingPermissions()));
        return List.copyOf(missing);
    }

    public CapabilityRow row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no capability row " + id));
    }

    public boolean isAvailable(String id) {
        return rows.stream().anyMatch(r -> r.id().equals(id) && r.state() == CapabilityState.AVAILABLE);
    }
}
