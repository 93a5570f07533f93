package io.m365platform.contracts.directory;

import java.time.Instant;

/**
 * Graph {@code signInActivity} of a user. Only available with Entra ID P1/P2 and AuditLog.Read.All, so the
 * whole object is null on users of tenants without it.
 *
 * @param lastSignInDateTime               last interactive sign-in attempt (successful or not)
 * @param lastNonInteractiveSignInDateTime last non-interactive sign-in (token refresh by a client)
 * @param lastSuccessfulSignInDateTime     last successful sign-in (populated since Dec 2023)
 */
public record SignInActivity(Instant lastSignInDateTime, Instant lastNonInteractiveSignInDateTime,
                             Instant lastSuccessfulSignInDateTime) {
}
