package io.m365platform.connection.support;

import java.time.Instant;

/**
 * An app registration of the simulator as tests see it. Test classes only use this (plain values): JUnit reflects on
 * test classes with the system class loader, and simulator types in their signatures would be loaded there too,
 * next to the Quarkus class loader's copies.
 */
public record TestApp(String tenantId, String clientId, String secret, String secretKeyId, Instant secretExpiresAt) {

    @Override
    public String toString() {
        return "TestApp[" + clientId + "]";
    }
}
