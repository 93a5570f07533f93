package io.m365platform.service.events;

import io.m365platform.service.web.ApiException;
import org.apache.kafka.common.errors.RetriableException;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells transient infrastructure failures from permanent content failures by the exception and its causes: the
 * consumer error policy waits out the first and dead-letters the second.
 *
 * <p>PostgreSQL says which is which in its SQLSTATE: class 08 (connection), 53 (resources), 57 (operator
 * intervention: shutdown, cancelled), 58 (system), 40 (serialization failure, deadlock), 55P03 (lock not available)
 * and 55000 (database not accepting connections) pass; data exceptions (22, e.g. U+0000 in text), integrity
 * violations (23) and everything else are about the record. A SQLException without SQLSTATE comes from the
 * connection pool or the driver (acquisition timeout, closed connection), never from a refused value.
 */
public final class FailureClassifier {

    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "55000");

    private FailureClassifier() {
    }

    public static FailureKind classify(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isTransient(t)) {
                return FailureKind.TRANSIENT;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed)) {
                    return FailureKind.TRANSIENT;
                }
            }
        }
        return FailureKind.PERMANENT;
    }

    /**
     * A short reason for a dead letter: the error of a refusal the service itself answered (an {@link ApiException}),
     * the SQLSTATE when the database refused the record, else {@code handling-failed}.
     */
    public static String reason(Throwable failure) {
        if (failure instanceof ApiException refused) {
            return refused.error().error();
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "database-refused-" + sql.getSQLState();
            }
        }
        return "handling-failed";
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state == null || state.length() < 2 || TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2))
                    || TRANSIENT_SQL_STATES.contains(state);
        }
        return t instanceof EventPublishingException
                || t instanceof RetriableException
                || t instanceof SocketException
                || t instanceof SocketTimeoutException
                || t instanceof HttpTimeoutException;
    }
}
