package io.m365platform.connection.domain;

import io.m365platform.connection.capability.CapabilityTable;
import io.m365platform.connection.capability.ProbeOutcome;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A connection to a customer's tenant as connection-service keeps it. It holds no secret: the client secret and the
 * admin's token cache are sealed separately (see {@code SealedCredentialStore}).
 *
 * @param id                 platform id
 * @param product            Microsoft 365 or Microsoft Teams
 * @param method             app registration or admin user
 * @param level              read, or read-write (workflow actions)
 * @param displayName        operator-chosen name
 * @param tenant             the tenant as given (GUID or verified domain), used to address the token endpoint
 * @param tenantId           the tenant GUID once a token revealed it ({@code tid})
 * @param clientId           the app registration's client id
 * @param health             status, reason and fix
 * @param grantedPermissions what the last token granted ({@code roles} or {@code scp})
 * @param capabilities       the capability table of the last evaluation
 * @param probes             what the last probes found, per probe name, and when they ran
 * @param admin              admin-user method: who signed in (and msal4j's key of that account)
 * @param lastTest           the last connection test
 * @param lastError          the last failure (token request, test or probe), if any
 * @param secretExpiry       what is known about the client secret's expiry
 * @param createdBy          who created it
 * @param createdAt          when
 * @param updatedAt          last change
 * @param version            optimistic-lock version
 */
public record Connection(UUID id, Product product, ConnectionMethod method, PermissionLevel level, String displayName,
                         String tenant, Optional<String> tenantId, String clientId, Health health,
                         List<String> grantedPermissions, CapabilityTable capabilities, Probes probes,
                         Optional<AdminAccount> admin, Optional<LastTest> lastTest, Optional<LastError> lastError,
                         SecretExpiry secretExpiry, String createdBy, Instant createdAt, Instant updatedAt,
                         long version) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(health, "health");
        grantedPermissions = List.copyOf(grantedPermissions);
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(secretExpiry, "secretExpiry");
    }

    public ConnectionStatus status() {
        return health.status();
    }

    /** The tenant GUID when known, else the tenant as given (a domain before the first token). */
    public String tenantForEvents() {
        return tenantId.orElse(tenant);
    }

    /**
     * Whether the token broker may hand out tokens: the credentials work and at least something is granted. A
     * connection missing only some permissions stays usable (callers see what is granted); one whose token request
     * was refused (no consent, app not in the tenant) does not.
     */
    public boolean usable() {
        return switch (health.status()) {
            case CONNECTED -> true;
            case PERMISSIONS_MISSING -> !grantedPermissions.isEmpty()
                    && lastTest.map(t -> t.outcome() != LastTest.Outcome.FAILED).orElse(true);
            case PENDING, NEEDS_RECONNECT, ERROR, DELETED -> false;
        };
    }

    public Connection withHealth(Health newHealth, Instant now) {
        return new Connection(id, product, method, level, displayName, tenant, tenantId, clientId, newHealth,
                grantedPermissions, capabilities, probes, admin, lastTest, lastError, secretExpiry, createdBy,
                createdAt, now, version);
    }

    public Connection withEvaluation(Optional<String> newTenantId, List<String> granted, CapabilityTable table,
                                     Probes newProbes, Instant now) {
        return new Connection(id, product, method, level, displayName, tenant, newTenantId.or(() -> tenantId), clientId,
                health, granted, table, newProbes, admin, lastTest, lastError, secretExpiry, createdBy, createdAt,
                now, version);
    }

    public Connection withLastTest(LastTest test, Optional<LastError> error, Instant now) {
        return new Connection(id, product, method, level, displayName, tenant, tenantId, clientId, health,
                grantedPermissions, capabilities, probes, admin, Optional.of(test), error.or(() -> lastError),
                secretExpiry, createdBy, createdAt, now, version);
    }

    public Connection withLastError(LastError error, Instant now) {
        return new Connection(id, product, method, level, displayName, tenant, tenantId, clientId, health,
                grantedPermissions, capabilities, probes, admin, lastTest, Optional.of(error), secretExpiry,
                createdBy, createdAt, now, version);
    }

    public Connection withSecretExpiry(SecretExpiry expiry, Instant now) {
        return new Connection(id, product, method, level, displayName, tenant, tenantId, clientId, health,
                grantedPermissions, capabilities, probes, admin, lastTest, lastError, expiry, createdBy,
                createdAt, now, version);
    }

    public Connection withAdmin(AdminAccount account, Instant now) {
        return new Connection(id, product, method, level, displayName, tenant, tenantId, clientId, health,
                grantedPermissions, capabilities, probes, Optional.of(account), lastTest, lastError, secretExpiry,
                createdBy, createdAt, now, version);
    }

    public Connection withSettings(String newDisplayName, PermissionLevel newLevel, Instant now) {
        return new Connection(id, product, method, newLevel, newDisplayName, tenant, tenantId, clientId, health,
                grantedPermissions, capabilities, probes, admin, lastTest, lastError, secretExpiry, createdBy,
                createdAt, now, version);
    }

    /** What the probes of the last test found and when they ran. */
    public record Probes(Map<String, ProbeOutcome> outcomes, Optional<Instant> probedAt) {
        public Probes {
            outcomes = Map.copyOf(outcomes);
        }

        public static Probes none() {
            return new Probes(Map.of(), Optional.empty());
        }
    }
}
