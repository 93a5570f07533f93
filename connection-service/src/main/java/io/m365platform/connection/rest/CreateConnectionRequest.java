package io.m365platform.connection.rest;

import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What an operator enters to connect a tenant (the setup guides' fields). */
@Schema(name = "CreateConnectionRequest", description = "Connect a Microsoft 365 or Microsoft Teams tenant")
public record CreateConnectionRequest(
        @NotNull @Schema(required = true, enumeration = {"microsoft-365", "microsoft-teams"}) Product product,
        @NotNull @Schema(required = true, enumeration = {"app-registration", "admin-user"}) ConnectionMethod method,
        @NotBlank @Size(max = 253)
        @Schema(required = true, description = "Tenant GUID or verified domain", examples = "contoso.onmicrosoft.com")
        String tenant,
        @NotBlank @Pattern(regexp = Validation.GUID, message = "must be a GUID (the app registration's Application (client) ID)")
        @Schema(required = true, description = "Application (client) ID of the app registration",
                examples = "8a1f3c52-4c4e-4a0e-9b1e-2f6d5c7b9e01") String clientId,
        @NotBlank @Size(max = 1024)
        @Schema(required = true, description = "The client secret's value (write-only: never returned)", writeOnly = true)
        String clientSecret,
        @NotNull @Schema(required = true, description = "read, or read-write (read and take action)",
                enumeration = {"read", "read-write"}) PermissionLevel permissionLevel,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Contoso production") String displayName,
        @Schema(description = "The secret's expiry as shown in Entra, if known (used until Graph tells it)")
        Instant clientSecretExpiresAt) {

    @Override
    public String toString() {
        return "CreateConnectionRequest[product=" + product + ", method=" + method + ", tenant=" + tenant
                + ", clientId=" + clientId + ", permissionLevel=" + permissionLevel + ", displayName=" + displayName
                + ", clientSecret=***]";
    }
}
