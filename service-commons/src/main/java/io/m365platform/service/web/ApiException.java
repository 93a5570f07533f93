package io.m365platform.service.web;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Thrown by resources and services to answer with a specific {@link ApiError}. */
public class ApiException extends RuntimeException {

    private final ApiError error;

    public ApiException(Response.Status status, String error, String message) {
        this(new ApiError(status.getStatusCode(), error, message, List.of()));
    }

    public ApiException(ApiError error) {
        super(error.message());
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    public static ApiException badRequest(String message, ApiError.Problem... problems) {
        return new ApiException(new ApiError(400, "invalid-request", message, List.of(problems)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(Response.Status.NOT_FOUND, "not-found", what + " was not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(Response.Status.CONFLICT, "conflict", message);
    }
}
