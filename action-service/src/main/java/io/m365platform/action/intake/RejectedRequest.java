package io.m365platform.action.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.action.ValidationError;
import io.m365platform.contracts.cloudevents.Rejection;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An action request the contract reader refused, but which still names who asked for what (action id, connection,
 * tenant), so the requester can be answered with a rejection result instead of silence. Requests too broken to
 * name those go to the dead-letter topic.
 */
public record RejectedRequest(String actionId, String connectionId, String tenantId, String typeName,
                              JsonNode parameters, List<ValidationError> errors) {

    private static final ObjectMapper JSON = EventJson.mapper();

    /** The request's identity read leniently from the raw value, when it has one. */
    public static Optional<RejectedRequest> from(byte[] value, Rejection rejection) {
        JsonNode data;
        try {
            data = value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (data == null || !data.isObject()) {
            return Optional.empty();
        }
        String actionId = text(data, "actionId");
        String connectionId = text(data, "connectionId");
        String tenantId = text(data, "tenantId");
        if (actionId == null || connectionId == null || tenantId == null) {
            return Optional.empty();
        }
        List<ValidationError> errors = rejection.violations().isEmpty()
                ? List.of(new ValidationError("", rejection.message()))
                : rejection.violations().stream().map(v -> new ValidationError(v.path(), v.message())).toList();
        return Optional.of(new RejectedRequest(actionId, connectionId, tenantId, text(data, "type"),
                data.get("parameters"), errors));
    }

    public String summary() {
        return errors.stream().map(e -> (e.field().isEmpty() ? "" : e.field() + ": ") + e.message())
                .collect(Collectors.joining("; "));
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
