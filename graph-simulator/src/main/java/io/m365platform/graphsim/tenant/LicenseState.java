package io.m365platform.graphsim.tenant;

import java.util.List;

/** One effective license of a user: direct (assignedByGroup null) or inherited from a group. */
public record LicenseState(String skuId, List<String> disabledPlans, String assignedByGroup) {
}
