package io.m365platform.graphsim.model;

/** A service plan inside a SKU (Graph servicePlanInfo without the per-assignment provisioningStatus). */
public record ServicePlan(String servicePlanId, String servicePlanName, String appliesTo) {
}
