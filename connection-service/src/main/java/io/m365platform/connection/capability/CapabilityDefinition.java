package io.m365platform.connection.capability;

import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the capability catalogue: what the platform can sync or do, for which products, at which permission
 * level, and what each connection method needs for it.
 *
 * @param id          stable identifier (e.g. {@code sync-users}); other services refer to capabilities by it
 * @param title       what the table shows
 * @param kind        data sync or workflow action
 * @param level       the permission level a connection needs for it
 * @param products    the products whose table lists it
 * @param requirements per permission kind (application / delegated)
 * @param probe       a check beyond the permissions that the connection test runs (e.g. {@code usage-report})
 * @param probeDenied the fix when Graph refuses the probe although the permissions are granted
 */
public record CapabilityDefinition(String id, String title, CapabilityKind kind, PermissionLevel level,
                                   Set<Product> products, Map<PermissionKind, PermissionRequirement> requirements,
                                   Optional<String> probe, Optional<String> probeDenied) {

    public CapabilityDefinition {
        products = Set.copyOf(products);
        requirements = Map.copyOf(requirements);
        for (PermissionKind k : PermissionKind.values()) {
            if (!requirements.containsKey(k)) {
                throw new IllegalArgumentException("capability " + id + " says nothing about " + k.catalogueKey() + " permissions");
            }
        }
    }

    public PermissionRequirement requirement(PermissionKind kind) {
        return requirements.get(kind);
    }
}
