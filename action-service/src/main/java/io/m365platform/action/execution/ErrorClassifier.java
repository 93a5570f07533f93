package io.m365platform.action.execution;

import io.m365platform.action.executor.ActionFailure;
import io.m365platform.action.store.Failure;
import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.error.GraphThrottledException;
import io.m365platform.graph.token.failure.TokenException;
import io.m365platform.service.token.TokenUnavailableException;
import io.m365platform.contracts.action.ActionType;

import java.time.Duration;
import java.util.Locale;

/**
 * Sorts what an attempt threw into "try again later" (throttling 429, unavailable 503/504, network, a login
 * service that may recover) and "cannot succeed as it is" (missing permission or role, missing target, licence
 * rules, last owner, invalid values, credentials that need an operator), each with what to do about it.
 */
public final class ErrorClassifier {

    /** Wait when Graph sent no Retry-After. */
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);

    private final Duration tokenRetryDelay;

    public ErrorClassifier(Duration tokenRetryDelay) {
        this.tokenRetryDelay = tokenRetryDelay;
    }

    public Verdict classify(ActionType type, Throwable error) {
        TokenUnavailableException unavailable = cause(error, TokenUnavailableException.class);
        if (unavailable != null) {
            return tokenUnavailable(unavailable);
        }
        TokenException token = cause(error, TokenException.class);
        if (token != null) {
            return token(token);
        }
        if (error instanceof ActionFailure failure) {
            return new Verdict.Permanent(failure.failure());
        }
        if (error instanceof GraphThrottledException throttled) {
            return new Verdict.Retry(throttledFailure(throttled), throttled.resumeAfter());
        }
        if (error instanceof GraphNetworkException network) {
            return new Verdict.Retry(Failure.of("graph-unreachable", "Graph could not be reached: "
                    + network.getMessage(), "Tried again automatically."), DEFAULT_RETRY);
        }
        if (error instanceof GraphRequestException graph) {
            return graph(type, graph);
        }
        if (error instanceof java.io.UncheckedIOException io) {
            return new Verdict.Retry(Failure.of("unreachable", io.getMessage(), "Tried again automatically."),
                    DEFAULT_RETRY);
        }
        return new Verdict.Permanent(Failure.of("internal-error", "The action could not be run: "
                + error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage()),
                "Report this to the platform team with the action id."));
    }

    private Verdict token(TokenException token) {
        String fix = token.category().operatorFix();
        Failure failure = Failure.of("token-unavailable", "No Graph token for the connection: " + token.getMessage(),
                fix);
        if (token.category().retryable()) {
            return new Verdict.Retry(failure, token.retryAfter().orElse(tokenRetryDelay));
        }
        // Credentials that need an operator: retrying would only hammer the login service.
        return new Verdict.Permanent(failure);
    }

    private Verdict tokenUnavailable(TokenUnavailableException e) {
        Failure failure = Failure.of("token-unavailable", "No Graph token for the connection (" + e.errorCode()
                + "): " + e.getMessage(), e.retryable() ? "Tried again automatically." : "Repair the connection"
                + " (its status in connection-service says how), then send the request again.");
        // A broken connection fails its actions at once instead of asking the broker again and again.
        return e.retryable() ? new Verdict.Retry(failure, tokenRetryDelay) : new Verdict.Permanent(failure);
    }

    private static Failure throttledFailure(GraphThrottledException t) {
        GraphRequestException last = t.getCause() instanceof GraphRequestException g ? g : null;
        return new Failure("throttled", t.getMessage(), "Tried again automatically after Graph's Retry-After.",
                last == null ? null : last.status(), last == null ? null : last.code());
    }

    private Verdict graph(ActionType type, GraphRequestException e) {
        String message = lower(e.graphMessage());
        if (e.isThrottlingOrUnavailable()) {
            return new Verdict.Retry(new Failure("throttled", e.getMessage(),
                    "Tried again automatically after Graph's Retry-After.", e.status(), e.code()),
                    e.retryAfter().orElse(DEFAULT_RETRY));
        }
        if (e.status() == 401) {
            return new Verdict.Retry(failure(e, "token-rejected", "Graph refused the access token.",
                    "A new token is fetched for the next attempt; if this repeats, test the connection."),
                    tokenRetryDelay);
        }
        if (e.status() == 403) {
            return new Verdict.Permanent(failure(e, "permission-missing", "Graph refused " + e.method() + " "
                    + e.path() + ": " + e.graphMessage(), forbiddenFix(type, e)));
        }
        if (e.status() == 404) {
            return new Verdict.Permanent(failure(e, "not-found", "Graph does not know the target of " + e.method()
                            + " " + e.path() + ": " + e.graphMessage(),
                    "Check the ids in the request (the object may have been deleted); send a corrected request."));
        }
        if (message.contains("usage location")) {
            return new Verdict.Permanent(failure(e, "usage-location-missing", "The user has no usage location, so"
                    + " Graph cannot assign a licence: " + e.graphMessage(), "Set the user's usage location (an"
                    + " update-user action with usageLocation), then send the licence request again."));
        }
        if (message.contains("inherited from group")) {
            return new Verdict.Permanent(failure(e, "license-inherited", "The licence comes from a group"
                    + " membership and cannot be removed from the user directly: " + e.graphMessage(),
                    "Remove the user from the licensing group (remove-group-member), or remove the licence from"
                            + " that group."));
        }
        if (message.contains("at least one owner") || message.contains("last owner")) {
            return new Verdict.Permanent(failure(e, "last-owner", "The user is the team's last owner: "
                    + e.graphMessage(), "Add another owner to the team first, then send the request again."));
        }
        if (message.contains("no available licenses") || message.contains("countviolation")
                || message.contains("not enough")) {
            return new Verdict.Permanent(failure(e, "license-unavailable", "No free licence of that SKU: "
                    + e.graphMessage(), "Buy more licences or free some, then send the request again."));
        }
        if (e.status() == 409) {
            return new Verdict.Permanent(failure(e, "conflict", "Graph reported a conflict: " + e.graphMessage(),
                    "Check the target's current state; send a corrected request."));
        }
        return new Verdict.Permanent(failure(e, "graph-error", "Graph refused " + e.method() + " " + e.path()
                + " with " + e.status() + (e.code() == null ? "" : " " + e.code()) + ": " + e.graphMessage(),
                "Correct the request (see Graph's message) and send it again."));
    }

    private static String forbiddenFix(ActionType type, GraphRequestException e) {
        if ("ErrorAccessDenied".equalsIgnoreCase(e.code())) {
            return "Exchange Online refuses the app this mailbox: check the application access policy or RBAC for"
                    + " applications, and that the connection was granted the mailbox permission.";
        }
        if (type == ActionType.ENABLE_USER || type == ActionType.DISABLE_USER || type == ActionType.DELETE_USER
                || type == ActionType.RESET_PASSWORD || type == ActionType.UPDATE_USER) {
            return "Grant the permission the capability table names; if the target holds an admin role, the app"
                    + " (or the signed-in admin) also needs the Privileged Authentication Administrator or Global"
                    + " Administrator role.";
        }
        return "Grant the permission the capability table names for " + type.wireName()
                + " and test the connection again.";
    }

    private static Failure failure(GraphRequestException e, String code, String message, String fix) {
        String withId = e.requestId().map(id -> message + " (request-id " + id + ")").orElse(message);
        return new Failure(code, withId, fix, e.status(), e.code());
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
