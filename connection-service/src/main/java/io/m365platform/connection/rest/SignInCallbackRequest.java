package io.m365platform.connection.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The query parameters Entra put on the redirect, forwarded by the platform UI. */
@Schema(name = "SignInCallbackRequest")
public record SignInCallbackRequest(
        @NotBlank @Size(max = 200) @Schema(required = true) String state,
        @Size(max = 4096) @Schema(description = "The authorization code (absent when error is set)", writeOnly = true) String code,
        @Size(max = 200) @Schema(description = "Entra's error, e.g. access_denied") String error,
        @Size(max = 2000) @Schema(description = "Entra's error description") String errorDescription) {

    @Override
    public String toString() {
        return "SignInCallbackRequest[state=" + state + ", code=***, error=" + error + "]";
    }
}
