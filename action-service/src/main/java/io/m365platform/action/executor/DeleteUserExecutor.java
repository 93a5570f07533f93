package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.UserTarget;
import io.m365platform.graph.error.GraphRequestException;

import java.util.Map;
import java.util.Optional;

/**
 * delete-user ({@code DELETE /users/{id}}, a soft delete kept ~30 days in deleted items). A user that is already gone
 * (404 on the read or on the delete) is {@code already-applied}.
 */
public final class DeleteUserExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.DELETE_USER;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        String userId = input.parameters(UserTarget.class).userId();
        Optional<JsonNode> user = graph.find(GraphPaths.user(userId) + "?$select=id,userPrincipalName");
        if (user.isEmpty()) {
            return Step.alreadyApplied(userId, Map.of());
        }
        try {
            graph.delete(GraphPaths.user(userId));
        } catch (GraphRequestException e) {
            if (e.isNotFound()) {
                return Step.alreadyApplied(userId, Map.of());
            }
            throw e;
        }
        return Step.applied(GraphPaths.text(user.get(), "id"),
                Map.of("deletedUserPrincipalName", GraphPaths.text(user.get(), "userPrincipalName")));
    }
}
