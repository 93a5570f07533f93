package io.m365platform.connection.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional hints for the admin sign-in. */
@Schema(name = "StartSignInRequest")
public record StartSignInRequest(
        @Size(max = 320) @Schema(description = "The administrator's sign-in name, pre-filled on the sign-in page")
        String loginHint) {
}
