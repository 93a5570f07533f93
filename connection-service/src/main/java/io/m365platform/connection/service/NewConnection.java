package io.m365platform.connection.service;

import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.graph.config.TenantId;

import java.time.Instant;
import java.util.Optional;

/**
 * A validated request to connect a tenant.
 *
 * @param secretExpiresAt the secret's expiry as the operator copied it from Entra, if given
 */
public record NewConnection(Product product, ConnectionMethod method, TenantId tenant, String clientId,
                            String clientSecret, PermissionLevel level, String displayName,
                            Optional<Instant> secretExpiresAt) {

    @Override
    public String toString() {
        return "NewConnection[product=" + product + ", method=" + method + ", tenant=" + tenant + ", clientId="
                + clientId + ", level=" + level + ", displayName=" + displayName + ", clientSecret=***]";
    }
}
