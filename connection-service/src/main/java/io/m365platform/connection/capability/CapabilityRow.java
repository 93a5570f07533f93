package io.m365platform.connection.capability;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One row of a connection's capability table.
 *
 * @param id                 capability id, e.g. {@code sync-users}
 * @param title              what the capability is
 * @param kind               data sync or workflow action
 * @param state              available / missing-permissions / not-supported-by-method / needs-read-write-level /
 *                           access-denied
 * @param missingPermissions the exact Graph permission names still to grant (empty when none)
 * @param fix                what to do, in one sentence; null when available without remarks
 * @param warning            a remark on an available capability (e.g. concealed report names); null when none
 * @param note               a condition Graph checks beyond permissions (e.g. an Entra role of the admin); null when none
 */
@Schema(name = "CapabilityRow", description = "One row of the capability table")
public record CapabilityRow(
        @Schema(description = "Capability id", examples = "sync-users") String id,
        @Schema(description = "What the capability is", examples = "Sync users") String title,
        @Schema(description = "data-sync or workflow-action", enumeration = {"data-sync", "workflow-action"}) CapabilityKind kind,
        @Schema(enumeration = {"available", "missing-permissions", "not-supported-by-method", "needs-read-write-level",
                "access-denied"}) CapabilityState state,
        @Schema(description = "Exact Microsoft Graph permission names still to grant") List<String> missingPermissions,
        @Schema(description = "What to do, in one sentence", nullable = true) String fix,
        @Schema(description = "Remark on an available capability", nullable = true) String warning,
        @Schema(description = "Condition Graph checks beyond permissions", nullable = true) String note) {

    public CapabilityRow {
        missingPermissions = missingPermissions == null ? List.of() : List.copyOf(missingPermissions);
    }
}
