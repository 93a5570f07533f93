package io.m365platform.action.executor;

import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.UserTarget;

import java.util.Map;

/**
 * revoke-sessions ({@code POST /users/{id}/revokeSignInSessions}): safe to repeat. Graph answers 200
 * {@code {"value": true}} rather than the documented 204; any 2xx is success.
 */
public final class RevokeSessionsExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.REVOKE_SESSIONS;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        String userId = input.parameters(UserTarget.class).userId();
        graph.post(GraphPaths.user(userId) + "/revokeSignInSessions", null);
        return Step.applied(userId, Map.of("sessionsRevoked", "true"));
    }
}
