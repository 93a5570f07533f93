package io.m365platform.contracts.directory;

import java.time.Instant;
import java.util.List;

/**
 * One path by which a user holds a SKU (Graph {@code licenseAssignmentState}).
 *
 * @param assignedByGroup     id of the group the license is inherited from; null for a direct assignment
 * @param disabledPlans       plans disabled on this path
 * @param state               Active, ActiveWithError, Disabled or Error
 * @param error               error code when state is an error (e.g. CountViolation), else null
 * @param lastUpdatedDateTime when this path last changed
 */
public record LicenseAssignmentState(String assignedByGroup, List<String> disabledPlans, String state,
                                     String error, Instant lastUpdatedDateTime) {

    public LicenseAssignmentState {
        disabledPlans = disabledPlans == null ? List.of() : List.copyOf(disabledPlans);
    }
}
