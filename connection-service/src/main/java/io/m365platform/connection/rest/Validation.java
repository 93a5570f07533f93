package io.m365platform.connection.rest;

import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiException;

import java.util.UUID;
import java.util.regex.Pattern;

/** Input checks shared by the resources that bean validation cannot express alone. */
final class Validation {

    static final String GUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final Pattern GUID_PATTERN = Pattern.compile(GUID);

    private Validation() {
    }

    /** A connection id from the path: a malformed one is a 400 that says so, not a 404. */
    static UUID connectionId(String raw) {
        if (raw == null || !GUID_PATTERN.matcher(raw).matches()) {
            throw ApiException.badRequest("The connection id must be a UUID, was '" + abbreviate(raw) + "'",
                    new ApiError.Problem("id", "must be a UUID"));
        }
        return UUID.fromString(raw);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
