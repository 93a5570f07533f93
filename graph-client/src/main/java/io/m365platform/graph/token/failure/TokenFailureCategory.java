package io.m365platform.graph.token.failure;

/**
 * Why a token request failed, decided from the AADSTS code (never from message prose), with the fix
 * an operator can act on and whether waiting and retrying can help.
 */
public enum TokenFailureCategory {

    INVALID_SECRET(false,
            "Create a new client secret in the app registration and rotate the connection's credentials "
                    + "(use the secret's value, not its ID)."),
    EXPIRED_SECRET(false,
            "The client secret has expired: create a new client secret in the app registration and rotate the "
                    + "connection's credentials."),
    UNKNOWN_TENANT(false,
            "Check the connection's tenant ID or verified domain: no such tenant exists in this cloud."),
    APP_NOT_IN_TENANT(false,
            "Have an administrator of the tenant grant admin consent to the application, or check that the client ID "
                    + "belongs to an app registered for this tenant."),
    CONSENT_MISSING(false,
            "Have an administrator of the tenant grant consent to the application's permissions, then reconnect."),
    REFRESH_TOKEN_EXPIRED(false,
            "The admin user's sign-in has expired: reconnect the connection by signing in as the admin user again."),
    SIGN_IN_REQUIRED(false,
            "Sign in again as the admin user (the previous sign-in was revoked, has expired or needs MFA)."),
    MISCONFIGURATION(false,
            "The token request is misconfigured: check the client ID, the requested scope and the login endpoint "
                    + "configuration."),
    THROTTLED(true,
            "The login service is throttling this application: the request is retried later automatically."),
    TRANSIENT(true,
            "The login service could not be reached or failed temporarily: the request is retried automatically."),
    UNKNOWN(false,
            "The login service rejected the request for an unrecognised reason: check the AADSTS code in the "
                    + "Microsoft identity platform error reference.");

    private final boolean retryable;
    private final String operatorFix;

    TokenFailureCategory(boolean retryable, String operatorFix) {
        this.retryable = retryable;
        this.operatorFix = operatorFix;
    }

    /** True when the same request may succeed later without anybody changing anything. */
    public boolean retryable() {
        return retryable;
    }

    /** One sentence telling an operator what to do. */
    public String operatorFix() {
        return operatorFix;
    }
}
