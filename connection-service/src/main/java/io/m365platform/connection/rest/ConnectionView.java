package io.m365platform.connection.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.m365platform.connection.capability.CapabilityRow;
import io.m365platform.connection.domain.AdminAccount;
import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.LastError;
import io.m365platform.connection.domain.SecretExpiry;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A connection as the API shows it. It never contains the client secret or any token. */
@Schema(name = "Connection", description = "A connected tenant; never contains a secret or token")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConnectionView(
        @Schema(description = "Connection id") String id,
        @Schema(enumeration = {"microsoft-365", "microsoft-teams"}) Product product,
        @Schema(enumeration = {"app-registration", "admin-user"}) ConnectionMethod method,
        @Schema(enumeration = {"read", "read-write"}) PermissionLevel permissionLevel,
        String displayName,
        @Schema(description = "Tenant as given (GUID or verified domain)") String tenant,
        @Schema(description = "Tenant GUID, once a token revealed it", nullable = true) String tenantId,
        @Schema(description = "Application (client) ID") String clientId,
        @Schema(enumeration = {"pending", "connected", "permissions-missing", "needs-reconnect", "error", "deleted"})
        ConnectionStatus status,
        @Schema(description = "Why the status is what it is", nullable = true) String statusReason,
        @Schema(description = "What to do, in one sentence", nullable = true) String fix,
        @Schema(description = "Graph permissions of the last token (roles or scp)") List<String> grantedPermissions,
        @Schema(description = "Permissions the permission level needs but the token lacks") List<String> missingPermissions,
        @Schema(description = "One row per capability of the product") List<CapabilityRow> capabilities,
        @Schema(nullable = true) LastTestView lastTest,
        @Schema(nullable = true) LastErrorView lastError,
        SecretExpiryView secretExpiry,
        @Schema(description = "Admin-user method: who signed in", nullable = true) String connectedBy,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "LastTest")
    public record LastTestView(Instant at, @Schema(enumeration = {"succeeded", "failed", "inconclusive"}) String outcome) {
    }

    @Schema(name = "LastError")
    public record LastErrorView(@Schema(examples = "AADSTS7000215") String code, String message, Instant at) {
    }

    @Schema(name = "SecretExpiry")
    public record SecretExpiryView(
            @Schema(description = "Whether the expiry is known") boolean known,
            @Schema(nullable = true) Instant expiresAt,
            @Schema(nullable = true, enumeration = {"graph", "operator"}) String source,
            @Schema(description = "True when the expiry is within the warning window") boolean warning,
            @Schema(nullable = true, description = "Why it is unknown, or where it comes from") String note) {
    }

    static ConnectionView of(Connection c, boolean expiryWarning) {
        SecretExpiry e = c.secretExpiry();
        return new ConnectionView(c.id().toString(), c.product(), c.method(), c.level(), c.displayName(), c.tenant(),
                c.tenantId().orElse(null), c.clientId(), c.status(), c.health().reason().orElse(null),
                c.health().fix().orElse(null), c.grantedPermissions(), c.capabilities().missingPermissions(),
                c.capabilities().rows(),
                c.lastTest().map(t -> new LastTestView(t.at(), t.outcome().wireName())).orElse(null),
                c.lastError().map(ConnectionView::error).orElse(null),
                new SecretExpiryView(e.known(), e.expiresAt().orElse(null),
                        e.source().map(SecretExpiry.Source::wireName).orElse(null), expiryWarning, e.note().orElse(null)),
                c.admin().map(AdminAccount::username).orElse(null), c.createdBy(), c.createdAt(), c.updatedAt());
    }

    private static LastErrorView error(LastError e) {
        return new LastErrorView(e.code(), e.message(), e.at());
    }
}
