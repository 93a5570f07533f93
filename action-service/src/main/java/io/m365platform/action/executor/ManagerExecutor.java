package io.m365platform.action.executor;

import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.SetManagerParameters;
import io.m365platform.contracts.action.parameters.UserTarget;
import io.m365platform.graph.error.GraphRequestException;

import java.util.Map;
import java.util.Optional;

/**
 * set-manager ({@code PUT /users/{id}/manager/$ref}) and remove-manager ({@code DELETE …/manager/$ref}). The current
 * manager is read first: the same manager, or none to remove, is {@code already-applied}.
 */
public final class ManagerExecutor implements ActionExecutor {

    private final boolean set;

    private ManagerExecutor(boolean set) {
        this.set = set;
    }

    public static ManagerExecutor set() {
        return new ManagerExecutor(true);
    }

    public static ManagerExecutor remove() {
        return new ManagerExecutor(false);
    }

    @Override
    public ActionType type() {
        return set ? ActionType.SET_MANAGER : ActionType.REMOVE_MANAGER;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        String userId = set ? input.parameters(SetManagerParameters.class).userId()
                : input.parameters(UserTarget.class).userId();
        String path = GraphPaths.user(userId) + "/manager";
        // 404 here means either "no manager" or "no such user": the user is read first so the two differ.
        graph.get(GraphPaths.user(userId) + "?$select=id");
        Optional<String> current = graph.find(path + "?$select=id").map(m -> GraphPaths.text(m, "id"));
        if (!set) {
            if (current.isEmpty()) {
                return Step.alreadyApplied(userId, Map.of());
            }
            try {
                graph.delete(path + "/$ref");
            } catch (GraphRequestException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                return Step.alreadyApplied(userId, Map.of());
            }
            return Step.applied(userId, Map.of("changed.manager", current.get() + " → null"));
        }
        String managerId = input.parameters(SetManagerParameters.class).managerId();
        if (current.isPresent() && current.get().equalsIgnoreCase(managerId)) {
            return Step.alreadyApplied(userId, Map.of());
        }
        graph.put(path + "/$ref", Map.of("@odata.id", GraphPaths.GRAPH + "/users/" + managerId));
        return Step.applied(userId, Map.of("changed.manager", current.orElse("null") + " → " + managerId));
    }
}
