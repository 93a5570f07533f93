package io.m365platform.connection.support;

import io.m365platform.connection.capability.CapabilityCatalogue;
import io.m365platform.connection.capability.PermissionKind;
import io.m365platform.connection.domain.WireNames;

import java.util.Set;

/** The setup guides' permission lists, by wire names (plain values for test classes). */
public final class Guide {

    private static final CapabilityCatalogue CATALOGUE = CapabilityCatalogue.load();

    private Guide() {
    }

    /** e.g. {@code permissions("microsoft-365", "app-registration", "read")}. */
    public static Set<String> permissions(String product, String method, String level) {
        return Set.copyOf(CATALOGUE.product(WireNames.product(product))
                .permissionsFor(PermissionKind.of(WireNames.method(method)), WireNames.level(level)));
    }
}
