package io.m365platform.graphsim.tenant;

/**
 * A rejected tenant operation. Callers translate the kind into their own wire format (Graph error, control-API
 * error), so the tenant model stays independent of HTTP.
 */
public final class TenantException extends RuntimeException {
    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    public TenantException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static TenantException notFound(String id) {
        return new TenantException(Kind.NOT_FOUND, "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }

    public static TenantException conflict(String message) {
        return new TenantException(Kind.CONFLICT, message);
    }

    public static TenantException invalid(String message) {
        return new TenantException(Kind.INVALID, message);
    }
}
