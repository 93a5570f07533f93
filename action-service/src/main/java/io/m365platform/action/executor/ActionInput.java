package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.ActionParameters;

/**
 * What an executor gets: the action's typed parameters and, when a long-running action resumes, its checkpoint.
 */
public record ActionInput(String actionId, ActionType type, ActionParameters parameters, JsonNode checkpoint) {

    public <P extends ActionParameters> P parameters(Class<P> expected) {
        return expected.cast(parameters);
    }
}
