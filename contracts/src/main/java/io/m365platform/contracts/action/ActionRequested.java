package io.m365platform.contracts.action;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.action.parameters.ActionParameters;

import java.time.Instant;

/**
 * Command: run a workflow action on a connection's tenant. {@code actionId} is the idempotency key: a
 * request with an actionId that was already handled is answered with the recorded result, never run twice.
 * Keyed by {@code {connectionId}/{targetId}} (or {@code {connectionId}/{actionId}} when there is no target
 * yet) so that actions on one object run in order.
 *
 * @param actionId      idempotency key chosen by the requester (e.g. a UUID)
 * @param connectionId  connection to act through (must have permission level read-write)
 * @param tenantId      its tenant
 * @param type          the action
 * @param parameters    parameters of that action; the record class is {@code type.parametersClass()}
 * @param requestedBy   user or service that asked
 * @param reason        free text for the audit trail (e.g. the workflow run)
 * @param correlationId id of the workflow or request this action belongs to, optional
 * @param requestedAt   when
 */
public record ActionRequested(String actionId, String connectionId, String tenantId, ActionType type,
                              ActionParameters parameters, String requestedBy, String reason, String correlationId,
                              Instant requestedAt) implements PlatformEvent {

    public ActionRequested {
        Checks.requireText(actionId, "actionId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(type, "type");
        Checks.require(parameters, "parameters");
        if (!type.parametersClass().isInstance(parameters)) {
            throw new IllegalArgumentException(type.wireName() + " takes " + type.parametersClass().getSimpleName()
                    + ", not " + parameters.getClass().getSimpleName());
        }
        Checks.requireText(requestedBy, "requestedBy");
        Checks.require(requestedAt, "requestedAt");
    }

    /**
     * JSON entry point: the parameters object is read as the record that {@code type} names, so the Java
     * type of {@link #parameters()} always matches the action.
     */
    @JsonCreator
    static ActionRequested fromJson(@JsonProperty("actionId") String actionId,
                                    @JsonProperty("connectionId") String connectionId,
                                    @JsonProperty("tenantId") String tenantId,
                                    @JsonProperty("type") ActionType type,
                                    @JsonProperty("parameters") JsonNode parameters,
                                    @JsonProperty("requestedBy") String requestedBy,
                                    @JsonProperty("reason") String reason,
                                    @JsonProperty("correlationId") String correlationId,
                                    @JsonProperty("requestedAt") Instant requestedAt) throws JsonProcessingException {
        Checks.require(type, "type");
        Checks.require(parameters, "parameters");
        ActionParameters typed = EventJson.mapper().treeToValue(parameters, type.parametersClass());
        return new ActionRequested(actionId, connectionId, tenantId, type, typed, requestedBy, reason, correlationId,
                requestedAt);
    }

    /** The object the action changes, or null when it does not exist yet. */
    public String targetId() {
        return parameters.targetId();
    }

    /** Typed access to the parameters, e.g. {@code parameters(UserTarget.class)}. */
    public <P extends ActionParameters> P parameters(Class<P> expected) {
        return expected.cast(parameters);
    }

    /** The Kafka key {@code {connectionId}/{targetId}}, or {@code {connectionId}/{actionId}} without a target. */
    @Override
    public String kafkaKey() {
        String target = targetId();
        return EventKey.of(connectionId, target != null ? target : actionId);
    }

    @Override
    public String subject() {
        return EventKey.of(connectionId, actionId);
    }

    @Override
    public Instant eventTime() {
        return requestedAt;
    }
}
