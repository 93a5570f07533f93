package io.m365platform.connection.status;

import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.Health;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.graph.token.failure.TokenException;
import io.m365platform.graph.token.failure.TokenFailureCategory;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What a refused token request means for a connection: the status, and the sentence explaining it. graph-client
 * classified the failure from its AADSTS code (never from message text) and supplies the fix.
 */
public final class FailureStatuses {

    private record Meaning(ConnectionStatus status, BiFunction<Connection, String, String> reason) {
    }

    private static final Map<TokenFailureCategory, Meaning> TABLE = new EnumMap<>(TokenFailureCategory.class);

    static {
        TABLE.put(TokenFailureCategory.INVALID_SECRET, new Meaning(ConnectionStatus.NEEDS_RECONNECT,
                (c, code) -> "The identity platform rejected the client secret of app registration " + c.clientId() + code + "."));
        TABLE.put(TokenFailureCategory.EXPIRED_SECRET, new Meaning(ConnectionStatus.NEEDS_RECONNECT,
                (c, code) -> "The client secret of app registration " + c.clientId() + " has expired" + code + "."));
        TABLE.put(TokenFailureCategory.REFRESH_TOKEN_EXPIRED, new Meaning(ConnectionStatus.NEEDS_RECONNECT,
                (c, code) -> "The admin user's sign-in has expired" + code + "."));
        TABLE.put(TokenFailureCategory.SIGN_IN_REQUIRED, new Meaning(ConnectionStatus.NEEDS_RECONNECT,
                (c, code) -> "The admin user must sign in again" + code + "."));
        TABLE.put(TokenFailureCategory.APP_NOT_IN_TENANT, new Meaning(ConnectionStatus.PERMISSIONS_MISSING,
                (c, code) -> "App registration " + c.clientId() + " is not installed in tenant " + c.tenant()
                        + ": nobody has granted it admin consent there" + code + "."));
        TABLE.put(TokenFailureCategory.CONSENT_MISSING, new Meaning(ConnectionStatus.PERMISSIONS_MISSING,
                (c, code) -> "Consent to the permissions of app registration " + c.clientId() + " is missing" + code + "."));
        TABLE.put(TokenFailureCategory.UNKNOWN_TENANT, new Meaning(ConnectionStatus.ERROR,
                (c, code) -> "Tenant " + c.tenant() + " does not exist" + code + "."));
        TABLE.put(TokenFailureCategory.MISCONFIGURATION, new Meaning(ConnectionStatus.ERROR,
                (c, code) -> "The token request is misconfigured" + code + "."));
        TABLE.put(TokenFailureCategory.UNKNOWN, new Meaning(ConnectionStatus.ERROR,
                (c, code) -> "The identity platform refused the token request" + code + "."));
    }

    private FailureStatuses() {
    }

    /** The health a refused token request gives the connection. */
    public static Health healthOf(Connection c, TokenException failure) {
        Meaning meaning = TABLE.get(failure.category());
        if (meaning == null) {
            throw new IllegalArgumentException(failure.category() + " is transient: it does not change the status");
        }
        return Health.of(meaning.status(), meaning.reason().apply(c, codeSuffix(failure)), failure.operatorFix());
    }

    /** A stable code for the last-error field: {@code AADSTS7000215}, else the category. */
    public static String errorCode(TokenException failure) {
        return failure.aadstsCode().isPresent() ? "AADSTS" + failure.aadstsCode().getAsInt()
                : failure.httpStatus().isPresent() ? failure.category().name().toLowerCase().replace('_', '-')
                        + "-http-" + failure.httpStatus().getAsInt()
                : failure.category().name().toLowerCase().replace('_', '-');
    }

    private static String codeSuffix(TokenException failure) {
        return failure.aadstsCode().isPresent() ? " (AADSTS" + failure.aadstsCode().getAsInt() + ")" : "";
    }
}
