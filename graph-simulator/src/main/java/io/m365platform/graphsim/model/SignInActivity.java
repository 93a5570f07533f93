package io.m365platform.graphsim.model;

import java.time.Instant;

/**
 * Graph {@code signInActivity} of a user: the last interactive sign-in attempt, the last non-interactive one
 * (token refresh by a client) and the last successful one, each with the request id of its sign-in log entry.
 * A user who never signed in has every value null ({@link #NEVER}).
 */
public record SignInActivity(
        Instant lastSignInDateTime,
        String lastSignInRequestId,
        Instant lastNonInteractiveSignInDateTime,
        String lastNonInteractiveSignInRequestId,
        Instant lastSuccessfulSignInDateTime,
        String lastSuccessfulSignInRequestId) {

    public static final SignInActivity NEVER = new SignInActivity(null, null, null, null, null, null);

    /**
     * The activity after one more sign-in: an interactive attempt replaces {@code lastSignIn*}, a non-interactive
     * one {@code lastNonInteractiveSignIn*}; a successful one of either kind also {@code lastSuccessfulSignIn*}.
     */
    public SignInActivity after(Instant at, String requestId, boolean interactive, boolean successful) {
        Instant signIn = interactive ? at : lastSignInDateTime;
        String signInId = interactive ? requestId : lastSignInRequestId;
        Instant nonInteractive = interactive ? lastNonInteractiveSignInDateTime : at;
        String nonInteractiveId = interactive ? lastNonInteractiveSignInRequestId : requestId;
        return new SignInActivity(signIn, signInId, nonInteractive, nonInteractiveId,
                successful ? at : lastSuccessfulSignInDateTime, successful ? requestId : lastSuccessfulSignInRequestId);
    }
}
