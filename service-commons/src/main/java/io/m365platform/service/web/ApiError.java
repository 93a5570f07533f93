package io.m365platform.service.web;

import java.util.List;

/**
 * The body of every 4xx/5xx answer of the platform's REST APIs: a stable machine-readable {@code error} code, a
 * human sentence, and the individual problems (field + what is wrong) where there are several.
 */
public record ApiError(int status, String error, String message, List<Problem> problems) {

    public record Problem(String field, String message) {
    }

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, List.of());
    }
}
