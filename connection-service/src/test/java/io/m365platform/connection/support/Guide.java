package io.m365platform.connection.support;

import io.m365platform.connection.capability.CapabilityCatalogue;
import io.m365platform.connection.capability.PermissionKind;
import io.m365platform.contracts.WireName;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;

import java.util.Set;

/** The setup guides' permission lists, by wire names (plain values for test classes). */
public final class Guide {

    private static final CapabilityCatalogue CATALOGUE = CapabilityCatalogue.load();

    private Guide() {
    }

    /** e.g. {@code permissions("microsoft-365", "app-registration", "read")}. */
    public static Set<String> permissions(String product, String method, String level) {
        return Set.copyOf(CATALOGUE.product(WireName.parse(Product.class, product))
                .permissionsFor(PermissionKind.of(WireName.parse(ConnectionMethod.class, method)), WireName.parse(PermissionLevel.class, level)));
    }
}
