package io.m365platform.sync.resource.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.contracts.directory.LicenseAssignmentState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.m365platform.sync.resource.GraphJson.instant;
import static io.m365platform.sync.resource.GraphJson.text;
import static io.m365platform.sync.resource.GraphJson.texts;

/**
 * A user's license assignments, one per SKU, derived from the user item itself ({@code licenseAssignmentStates}:
 * one entry per path, direct or through a group) with part numbers from the subscribed SKUs — no per-user calls.
 */
public final class LicenseAssignments {

    private static final Comparator<LicenseAssignmentState> PATH_ORDER = Comparator.comparing(
            (LicenseAssignmentState s) -> s.assignedByGroup() == null ? "" : s.assignedByGroup());

    private LicenseAssignments() {
    }

    public static List<LicenseAssignment> of(DirectoryUser user, JsonNode item, Map<String, String> skuPartNumbers) {
        Map<String, List<LicenseAssignmentState>> bySku = new TreeMap<>();
        JsonNode states = item.get("licenseAssignmentStates");
        if (states != null && states.isArray()) {
            for (JsonNode s : states) {
                String skuId = text(s, "skuId");
                if (skuId == null) {
                    continue;
                }
                String error = text(s, "error");
                bySku.computeIfAbsent(skuId, k -> new ArrayList<>()).add(new LicenseAssignmentState(
                        text(s, "assignedByGroup"), texts(s, "disabledPlans").stream().sorted().toList(),
                        text(s, "state"), "None".equals(error) ? null : error, instant(s, "lastUpdatedDateTime")));
            }
        } else {
            // Without licenseAssignmentStates every license is taken as direct: Graph does not tell more.
            for (var license : user.assignedLicenses()) {
                bySku.computeIfAbsent(license.skuId(), k -> new ArrayList<>()).add(
                        new LicenseAssignmentState(null, license.disabledPlans(), "Active", null, null));
            }
        }
        List<LicenseAssignment> out = new ArrayList<>(bySku.size());
        for (Map.Entry<String, List<LicenseAssignmentState>> e : bySku.entrySet()) {
            List<LicenseAssignmentState> paths = new ArrayList<>(e.getValue());
            paths.sort(PATH_ORDER);
            boolean direct = paths.stream().anyMatch(p -> p.assignedByGroup() == null);
            List<String> groups = paths.stream().map(LicenseAssignmentState::assignedByGroup)
                    .filter(g -> g != null).distinct().sorted().toList();
            out.add(new LicenseAssignment(user.id(), user.userPrincipalName(), e.getKey(),
                    skuPartNumbers.get(e.getKey()), direct, groups, disabledOnEveryPath(paths), paths));
        }
        return out;
    }

    /** A plan is effectively disabled only when every path disables it. */
    private static List<String> disabledOnEveryPath(List<LicenseAssignmentState> paths) {
        Set<String> common = null;
        for (LicenseAssignmentState p : paths) {
            if (common == null) {
                common = new LinkedHashSet<>(p.disabledPlans());
            } else {
                common.retainAll(new HashSet<>(p.disabledPlans()));
            }
        }
        return common == null ? List.of() : common.stream().sorted().toList();
    }
}
