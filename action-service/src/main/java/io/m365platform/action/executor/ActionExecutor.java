package io.m365platform.action.executor;

import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;

/**
 * Runs one kind of action against Graph with exactly one effect per action id: it reads before it writes where
 * Graph is not idempotent and answers {@code already-applied} when the tenant is already as asked. Graph errors it
 * does not understand as "already so" are thrown for {@link io.m365platform.action.execution.ErrorClassifier}.
 */
public interface ActionExecutor {

    ActionType type();

    Step run(ActionInput input, GraphSession graph);
}
