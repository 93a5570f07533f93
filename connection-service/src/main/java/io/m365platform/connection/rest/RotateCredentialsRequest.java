package io.m365platform.connection.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A new client secret; it is tested before it replaces the stored one. */
@Schema(name = "RotateCredentialsRequest")
public record RotateCredentialsRequest(
        @NotBlank @Size(max = 1024) @Schema(required = true, writeOnly = true, description = "The new secret's value")
        String clientSecret,
        @Schema(description = "The new secret's expiry as shown in Entra, if known") Instant clientSecretExpiresAt) {

    @Override
    public String toString() {
        return "RotateCredentialsRequest[clientSecret=***]";
    }
}
