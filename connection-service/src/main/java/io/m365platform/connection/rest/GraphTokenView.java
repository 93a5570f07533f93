package io.m365platform.connection.rest;

import io.m365platform.contracts.connection.ConnectionMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The token broker's answer (internal API; cache the token until shortly before expiresAt). */
@Schema(name = "GraphToken")
public record GraphTokenView(String connectionId, String tenantId,
                             @Schema(description = "Bearer token for Microsoft Graph") String accessToken,
                             Instant expiresAt, List<String> grantedPermissions,
                             @Schema(enumeration = {"app-registration", "admin-user"}) ConnectionMethod method) {

    @Override
    public String toString() {
        return "GraphTokenView[connectionId=" + connectionId + ", tenantId=" + tenantId + ", expiresAt=" + expiresAt
                + ", accessToken=***]";
    }
}
