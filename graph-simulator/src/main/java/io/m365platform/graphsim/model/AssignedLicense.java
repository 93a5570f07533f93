package io.m365platform.graphsim.model;

import java.util.List;

/** Graph's assignedLicense: a SKU with the service plans switched off for this assignment. */
public record AssignedLicense(String skuId, List<String> disabledPlans) {
    public AssignedLicense {
        disabledPlans = disabledPlans == null ? List.of() : List.copyOf(disabledPlans);
    }

    public static AssignedLicense of(String skuId) {
        return new AssignedLicense(skuId, List.of());
    }
}
