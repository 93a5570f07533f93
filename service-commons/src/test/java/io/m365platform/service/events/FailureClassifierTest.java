package io.m365platform.service.events;

import io.m365platform.service.web.ApiException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureClassifierTest {

    @Test
    void infrastructureFailuresAreTransientWhereverTheyAreInTheCauseChain() {
        assertEquals(FailureKind.TRANSIENT, classify(new SQLException("terminating connection", "57P01")));
        assertEquals(FailureKind.TRANSIENT, classify(new SQLException("connection refused", "08001")));
        assertEquals(FailureKind.TRANSIENT, classify(new SQLException("database is not accepting connections", "55000")));
        assertEquals(FailureKind.TRANSIENT, classify(new SQLException("deadlock detected", "40P01")));
        assertEquals(FailureKind.TRANSIENT, classify(new SQLException("Acquisition timeout while waiting")));
        assertEquals(FailureKind.TRANSIENT, classify(new IllegalStateException("cannot store",
                new RuntimeException(new ConnectException("Connection refused")))));
        assertEquals(FailureKind.TRANSIENT, classify(new EventPublishingException("broker down", null)));
    }

    @Test
    void contentFailuresArePermanent() {
        assertEquals(FailureKind.PERMANENT, classify(new IllegalStateException("cannot store",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))));
        assertEquals(FailureKind.PERMANENT, classify(new SQLException("duplicate key", "23505")));
        assertEquals(FailureKind.PERMANENT, classify(new NullPointerException()));
        assertEquals(FailureKind.PERMANENT, classify(ApiException.badRequest("no such run")));
    }

    @Test
    void reasonsNameWhatRefusedTheRecord() {
        assertEquals("database-refused-22021", FailureClassifier.reason(new IllegalStateException("x",
                new SQLException("invalid byte sequence", "22021"))));
        assertEquals("invalid-request", FailureClassifier.reason(ApiException.badRequest("no such run")));
        assertEquals("handling-failed", FailureClassifier.reason(new NullPointerException()));
    }

    private static FailureKind classify(RuntimeException e) {
        return FailureClassifier.classify(e);
    }

    private static FailureKind classify(SQLException e) {
        return FailureClassifier.classify(new IllegalStateException(e));
    }
}
