package io.m365platform.action.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.EventType;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.schema.SchemaValidator;
import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Reads an action request sent over REST with the same checks as one from Kafka (the {@code action.requested.v1}
 * JSON Schema, then the contract's own rules). {@code requestedBy} defaults to the caller and {@code requestedAt} to
 * now; every problem found is listed in the 400 answer.
 */
@ApplicationScoped
public class RequestParser {

    private final Clock clock = Clock.systemUTC();

    public ActionRequested parse(JsonNode body, String caller) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be an action request (a JSON object).");
        }
        ObjectNode request = ((ObjectNode) body).deepCopy();
        if (!request.hasNonNull("requestedBy")) {
            request.put("requestedBy", caller);
        }
        if (!request.hasNonNull("requestedAt")) {
            request.put("requestedAt", clock.instant().toString());
        }
        List<ApiError.Problem> problems = SchemaValidator.shared().validate(EventType.ACTION_REQUESTED, request)
                .stream().map(v -> new ApiError.Problem(v.path(), v.message())).toList();
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("The action request is invalid.", problems.toArray(ApiError.Problem[]::new));
        }
        try {
            return EventJson.mapper().treeToValue(request, ActionRequested.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw ApiException.badRequest("The action request is invalid.", new ApiError.Problem("", message));
        }
    }
}
