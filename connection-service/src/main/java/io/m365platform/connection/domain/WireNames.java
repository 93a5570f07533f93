package io.m365platform.connection.domain;

import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;

/** Parses the contracts' enums from their wire names (as stored in the database and sent in URLs). */
public final class WireNames {

    private WireNames() {
    }

    public static Product product(String wire) {
        for (Product p : Product.values()) {
            if (p.wireName().equals(wire)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown product '" + wire + "'");
    }

    public static ConnectionMethod method(String wire) {
        for (ConnectionMethod m : ConnectionMethod.values()) {
            if (m.wireName().equals(wire)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + wire + "'");
    }

    public static PermissionLevel level(String wire) {
        for (PermissionLevel l : PermissionLevel.values()) {
            if (l.wireName().equals(wire)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown permission level '" + wire + "'");
    }

    public static ConnectionStatus status(String wire) {
        for (ConnectionStatus s : ConnectionStatus.values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + wire + "'");
    }
}
