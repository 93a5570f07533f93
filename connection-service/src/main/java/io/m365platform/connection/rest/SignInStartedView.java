package io.m365platform.connection.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Where to send the administrator to sign in. */
@Schema(name = "SignInStarted")
public record SignInStartedView(
        @Schema(description = "Entra's authorization URL (state and PKCE challenge included)") String authorizationUrl,
        @Schema(description = "The state the callback must carry back") String state,
        @Schema(description = "The sign-in must complete before this") Instant expiresAt) {
}
