package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.AssignLicenseParameters;
import io.m365platform.contracts.action.parameters.RemoveLicenseParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * assign-license and remove-license ({@code POST /users/{id}/assignLicense}, both keys always sent). The user's
 * assigned licences are read first: a SKU already assigned with the same disabled plans, or already absent, is
 * {@code already-applied}. Graph's own refusals (no usage location, licence inherited from a group, no free units)
 * are classified with their fix.
 */
public final class LicenseExecutor implements ActionExecutor {

    private final boolean assign;

    private LicenseExecutor(boolean assign) {
        this.assign = assign;
    }

    public static LicenseExecutor assign() {
        return new LicenseExecutor(true);
    }

    public static LicenseExecutor remove() {
        return new LicenseExecutor(false);
    }

    @Override
    public ActionType type() {
        return assign ? ActionType.ASSIGN_LICENSE : ActionType.REMOVE_LICENSE;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        String userId = assign ? input.parameters(AssignLicenseParameters.class).userId()
                : input.parameters(RemoveLicenseParameters.class).userId();
        String skuId = assign ? input.parameters(AssignLicenseParameters.class).skuId()
                : input.parameters(RemoveLicenseParameters.class).skuId();
        JsonNode user = graph.get(GraphPaths.user(userId) + "?$select=id,assignedLicenses");
        Optional<JsonNode> current = find(user.path("assignedLicenses"), skuId);
        if (assign) {
            List<String> disabled = input.parameters(AssignLicenseParameters.class).disabledPlans();
            if (current.isPresent() && plans(current.get()).equals(new TreeSet<>(lower(disabled)))) {
                return Step.alreadyApplied(userId, Map.of());
            }
            graph.post(GraphPaths.user(userId) + "/assignLicense", Map.of(
                    "addLicenses", List.of(Map.of("skuId", skuId, "disabledPlans", disabled)),
                    "removeLicenses", List.of()));
            return Step.applied(userId, Map.of("changed.assignedLicenses",
                    (current.isPresent() ? "disabled plans of " : "added ") + skuId));
        }
        if (current.isEmpty()) {
            return Step.alreadyApplied(userId, Map.of());
        }
        graph.post(GraphPaths.user(userId) + "/assignLicense", Map.of("addLicenses", List.of(),
                "removeLicenses", List.of(skuId)));
        return Step.applied(userId, Map.of("changed.assignedLicenses", "removed " + skuId));
    }

    private static Optional<JsonNode> find(JsonNode licenses, String skuId) {
        for (JsonNode l : licenses) {
            if (skuId.equalsIgnoreCase(l.path("skuId").asText())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static TreeSet<String> plans(JsonNode license) {
        TreeSet<String> plans = new TreeSet<>();
        license.path("disabledPlans").forEach(p -> plans.add(p.asText().toLowerCase(java.util.Locale.ROOT)));
        return plans;
    }

    private static List<String> lower(List<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.toLowerCase(java.util.Locale.ROOT)));
        return out;
    }
}
