package io.m365platform.action.execution;

import io.m365platform.contracts.action.ActionType;
import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.error.GraphThrottledException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorClassifierTest {

    private final ErrorClassifier classifier = new ErrorClassifier(Duration.ofMinutes(1));

    private static GraphRequestException graph(int status, String code, String message, Duration retryAfter) {
        return new GraphRequestException("POST", "/users/u-1/assignLicense", status, code, message, "req-1", null,
                retryAfter, null);
    }

    @Test
    void throttlingIsRetriedAfterGraphsRetryAfter() {
        Verdict v = classifier.classify(ActionType.DISABLE_USER, graph(429, "TooManyRequests", "slow down",
                Duration.ofSeconds(7)));
        Verdict.Retry retry = assertInstanceOf(Verdict.Retry.class, v);
        assertEquals(Duration.ofSeconds(7), retry.after());
        assertEquals("throttled", retry.failure().code());
        assertEquals(429, retry.failure().graphStatus());

        Verdict exhausted = classifier.classify(ActionType.DISABLE_USER, new GraphThrottledException("PATCH /users/x",
                GraphThrottledException.Reason.UNAVAILABLE, 3, Duration.ofSeconds(3), Duration.ofSeconds(30),
                graph(503, "serviceNotAvailable", "down", null)));
        assertEquals(Duration.ofSeconds(30), assertInstanceOf(Verdict.Retry.class, exhausted).after());
        assertInstanceOf(Verdict.Retry.class, classifier.classify(ActionType.DISABLE_USER,
                graph(504, "gatewayTimeout", "late", null)));
        assertInstanceOf(Verdict.Retry.class, classifier.classify(ActionType.DISABLE_USER,
                new GraphNetworkException("GET", "/users/x", new IOException("reset"))));
    }

    @Test
    void permanentErrorsSayWhatToDo() {
        Verdict.Permanent forbidden = assertInstanceOf(Verdict.Permanent.class, classifier.classify(
                ActionType.DISABLE_USER, graph(403, "Authorization_RequestDenied",
                        "Insufficient privileges to complete the operation.", null)));
        assertEquals("permission-missing", forbidden.failure().code());
        assertTrue(forbidden.failure().fix().contains("Privileged Authentication Administrator"));
        assertTrue(forbidden.failure().message().contains("req-1"), "request-id kept for support");

        assertEquals("not-found", assertInstanceOf(Verdict.Permanent.class, classifier.classify(
                ActionType.DELETE_USER, graph(404, "Request_ResourceNotFound", "Resource 'x' does not exist", null)))
                .failure().code());
        assertEquals("usage-location-missing", classifier.classify(ActionType.ASSIGN_LICENSE, graph(400,
                "Request_BadRequest", "License assignment cannot be done for user with invalid usage location.",
                null)).failure().code());
        assertEquals("license-inherited", classifier.classify(ActionType.REMOVE_LICENSE, graph(400,
                "Request_BadRequest", "User license is inherited from group membership and cannot be removed"
                        + " directly from the user.", null)).failure().code());
        assertEquals("last-owner", classifier.classify(ActionType.REMOVE_TEAM_MEMBER, graph(400, "BadRequest",
                "The group must have at least one owner, hence this owner cannot be removed.", null))
                .failure().code());
        Verdict other = classifier.classify(ActionType.UPDATE_USER, graph(400, "Request_BadRequest",
                "Invalid value specified for property 'usageLocation'.", null));
        assertInstanceOf(Verdict.Permanent.class, other);
        assertEquals("graph-error", other.failure().code());
    }

    @Test
    void anUnexpectedExceptionFailsInsteadOfRetryingForever() {
        assertInstanceOf(Verdict.Permanent.class, classifier.classify(ActionType.CREATE_USER,
                new IllegalStateException("bug")));
    }
}
