package io.m365platform.service.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the ways a request can be wrong into a 400 that says what is wrong, in the one {@link ApiError} shape, so
 * clients of every service handle errors the same way.
 */
public class ApiErrorMappers {

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return respond(e.error());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ApiError.Problem> problems = e.getConstraintViolations().stream()
                .map(v -> new ApiError.Problem(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiError.Problem::field))
                .toList();
        String summary = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        return respond(new ApiError(400, "invalid-request", summary, problems));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "body";
        String message = "The request body is not valid JSON for this operation (at " + where + "): "
                + e.getOriginalMessage();
        return respond(new ApiError(400, "invalid-json", message, List.of(new ApiError.Problem(where,
                e.getOriginalMessage()))));
    }

    /**
     * Quarkus' built-in mapper for a JSON value of the wrong type (an unknown enum value, a string for a number) is
     * more specific than {@link #unreadableJson} and answers in another shape, echoing the value: route it here.
     */
    @ServerExceptionMapper
    public Response invalidValue(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** A body that is not JSON at all (Quarkus' own mapper answers 400 without a body). */
    @ServerExceptionMapper
    public Response notJson(JsonParseException e) {
        return unreadableJson(e);
    }

    /** Quarkus' JSON reader wraps some parse failures in a bare 400: give them the same body. */
    @ServerExceptionMapper
    public Response wrappedJsonError(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return e.getResponse();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Paths look like "create.request.tenant": the method and parameter names say nothing to the client.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    static Response respond(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
