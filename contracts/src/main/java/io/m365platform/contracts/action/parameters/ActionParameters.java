package io.m365platform.contracts.action.parameters;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Typed parameters of a workflow action. Which record belongs to which action is fixed by
 * {@link io.m365platform.contracts.action.ActionType#parametersClass()}; the JSON Schema of
 * {@code action-requested} enforces the same mapping for non-Java producers.
 */
public interface ActionParameters {

    /**
     * Id of the directory object the action changes (user, group, team), used to key the request so that
     * actions on one object run in order; null when the object does not exist yet (create-user).
     */
    @JsonIgnore
    String targetId();
}
