package io.m365platform.action.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.m365platform.action.result.ResultOutbox;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.action.ActionResultEvent;
import io.m365platform.contracts.action.ActionType;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code action_log} table as a state machine per action id. The action id is the requester's idempotency key:
 * recording the same request twice leaves the first row as it is. Every transition that answers the requester
 * writes the result to the outbox in the same transaction; transitions of a running action hold only while this
 * instance still holds its lease.
 */
@ApplicationScoped
public class ActionStore {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final String OPEN = "('received', 'awaiting-approval', 'running')";
    /**
     * Message texts an action needs only while it runs (reply texts, message bodies): dropped from the stored
     * parameters once it ended, so they do not stay in the table beyond what the action needs.
     */
    private static final String DROP_TEXTS = "parameters = parameters - ARRAY['internalReplyMessage',"
            + " 'externalReplyMessage', 'cancellationMessage', 'content']::text[]";

    private final AgroalDataSource dataSource;

    public ActionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ------------------------------------------------------------------ intake

    /** Records a valid request in {@code initial} state; false when the action id was already recorded. */
    public boolean recordReceived(NewAction action, ActionStatus initial) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT_RECEIVED)) {
            bindReceived(s, action, initial);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ActionStoreException("cannot record action " + action.request().actionId(), e);
        }
    }

    private static final String INSERT_RECEIVED = """
            INSERT INTO action_log (action_id, connection_id, tenant_id, action_type, target_id, ordering_key,
                                    status, parameters, requested_by, requested_at, reason, correlation_id,
                                    requester, channel, source_partition, source_offset)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (action_id) DO NOTHING
            """;

    private static void bindReceived(PreparedStatement s, NewAction action, ActionStatus initial) throws SQLException {
        var r = action.request();
        s.setString(1, r.actionId());
        s.setString(2, r.connectionId());
        s.setString(3, r.tenantId());
        s.setString(4, r.type().wireName());
        s.setString(5, r.targetId());
        s.setString(6, action.orderingKey());
        s.setString(7, initial.wireName());
        s.setString(8, json(r.parameters()));
        s.setString(9, r.requestedBy());
        s.setTimestamp(10, Timestamp.from(r.requestedAt()));
        s.setString(11, r.reason());
        s.setString(12, r.correlationId());
        s.setString(13, action.requester());
        s.setString(14, action.channel());
        setInt(s, 15, action.partition());
        setLong(s, 16, action.offset());
    }

    /** Records valid requests in one transaction, in list order (their request order); known action ids are kept. */
    public void recordReceivedAll(List<NewAction> actions, List<ActionStatus> initial) {
        inTransaction("cannot record " + actions.size() + " actions", c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_RECEIVED)) {
                for (int i = 0; i < actions.size(); i++) {
                    bindReceived(s, actions.get(i), initial.get(i));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /**
     * Records a refused request and its rejection result in one transaction; false (and nothing published) when the
     * action id was already recorded.
     */
    public boolean recordRejected(RejectedAction a, ActionResultEvent rejection) {
        String sql = """
                INSERT INTO action_log (action_id, connection_id, tenant_id, action_type, target_id, ordering_key,
                                        status, parameters, requested_by, requester, channel, error_code,
                                        error_message, error_fix, source_partition, source_offset, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, 'rejected', ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (action_id) DO NOTHING
                """;
        return inTransaction("cannot record rejected action " + a.actionId(), c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, a.actionId());
                s.setString(2, a.connectionId());
                s.setString(3, a.tenantId());
                s.setString(4, a.typeName() == null ? "unknown" : a.typeName());
                s.setString(5, a.targetId());
                s.setString(6, a.orderingKey());
                s.setString(7, a.parameters() == null ? "{}" : a.parameters().toString());
                s.setString(8, a.requestedBy());
                s.setString(9, a.requester());
                s.setString(10, a.channel());
                s.setString(11, a.errorCode());
                s.setString(12, a.message());
                s.setString(13, a.fix());
                setInt(s, 14, a.partition());
                setLong(s, 15, a.offset());
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            ResultOutbox.add(c, rejection);
            return true;
        });
    }

    // ------------------------------------------------------------------ execution

    /**
     * Claims up to {@code limit} due actions for {@code owner}: per ordering key only the earliest open action, and
     * only when it is received or its lease expired (its instance died, or a long-running action is due for its next
     * poll). Rows other instances are claiming at the same moment are skipped.
     */
    public List<ClaimedAction> claim(String owner, Duration lease, int limit) {
        String sql = """
                WITH due AS (
                    SELECT a.action_id FROM action_log a
                    WHERE a.status IN ('received', 'running')
                      AND (a.status = 'received' OR a.lease_until < now())
                      AND (a.not_before IS NULL OR a.not_before <= now())
                      AND NOT EXISTS (SELECT 1 FROM action_log b
                                      WHERE b.ordering_key = a.ordering_key AND b.seq < a.seq
                                        AND b.status IN %s)
                    ORDER BY a.seq
                    LIMIT ?
                    FOR UPDATE OF a SKIP LOCKED)
                UPDATE action_log l
                SET status = 'running', lease_owner = ?, lease_until = now() + ? * interval '1 millisecond',
                    attempts = attempts + CASE WHEN l.checkpoint IS NULL THEN 1 ELSE 0 END, updated_at = now()
                FROM due WHERE l.action_id = due.action_id
                RETURNING l.action_id, l.connection_id, l.tenant_id, l.action_type, l.parameters, l.target_id,
                          l.attempts, l.checkpoint, l.requested_at, l.seq
                """.formatted(OPEN);
        return inTransaction("cannot claim actions", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, limit);
                s.setString(2, owner);
                s.setLong(3, lease.toMillis());
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Timestamp requestedAt = r.getTimestamp(9);
                        rows.add(new Object[] {r.getLong(10), new ClaimedAction(r.getString(1), r.getString(2),
                                r.getString(3), ActionType.fromWireName(r.getString(4)).orElseThrow(),
                                parse(r.getString(5)), r.getString(6), r.getInt(7), parseNullable(r.getString(8)),
                                requestedAt == null ? null : requestedAt.toInstant())});
                    }
                }
                rows.sort((x, y) -> Long.compare((Long) x[0], (Long) y[0]));
                return rows.stream().map(x -> (ClaimedAction) x[1]).toList();
            }
        });
    }

    /** Completes a running action and queues its result; false when this instance lost the lease meanwhile. */
    public boolean complete(String actionId, String owner, String outcome, String resourceId,
                            Map<String, String> details, List<GraphCall> calls, ActionResultEvent result) {
        String sql = """
                UPDATE action_log SET status = 'completed', %s, outcome = ?, resource_id = ?, result = ?::jsonb,
                       graph_calls = graph_calls || ?::jsonb, checkpoint = NULL, lease_owner = NULL,
                       lease_until = NULL, not_before = NULL, error_code = NULL, error_message = NULL,
                       error_fix = NULL, finished_at = now(), updated_at = now()
                WHERE action_id = ? AND status = 'running' AND lease_owner = ?
                """.formatted(DROP_TEXTS);
        return finish(actionId, result, sql, s -> {
            s.setString(1, outcome);
            s.setString(2, resourceId);
            s.setString(3, json(details));
            s.setString(4, json(calls));
            s.setString(5, actionId);
            s.setString(6, owner);
        });
    }

    /** Fails a running action (given up) and queues its result; false when the lease was lost. */
    public boolean fail(String actionId, String owner, Failure failure, List<GraphCall> calls,
                        ActionResultEvent result) {
        return endWithError(actionId, owner, "failed", failure, calls, result);
    }

    /** Refuses a claimed action before any Graph call (its connection cannot run it) and queues the rejection. */
    public boolean rejectClaimed(String actionId, String owner, Failure failure, ActionResultEvent result) {
        return endWithError(actionId, owner, "rejected", failure, List.of(), result);
    }

    private boolean endWithError(String actionId, String owner, String status, Failure f, List<GraphCall> calls,
                                 ActionResultEvent result) {
        String sql = """
                UPDATE action_log SET status = ?, %s, error_code = ?, error_message = ?, error_fix = ?,
                       graph_status = ?, graph_error = ?, graph_calls = graph_calls || ?::jsonb, lease_owner = NULL,
                       lease_until = NULL, not_before = NULL, finished_at = now(), updated_at = now()
                WHERE action_id = ? AND status = 'running' AND lease_owner = ?
                """.formatted(DROP_TEXTS);
        return finish(actionId, result, sql, s -> {
            s.setString(1, status);
            s.setString(2, f.code());
            s.setString(3, f.message());
            s.setString(4, f.fix());
            setInt(s, 5, f.graphStatus());
            s.setString(6, f.graphErrorCode());
            s.setString(7, json(calls));
            s.setString(8, actionId);
            s.setString(9, owner);
        });
    }

    /**
     * Puts a running action back to wait until {@code notBefore}: {@code received} again after a throttled attempt
     * (checkpoint null), or {@code running} without a lease holder for a long-running action between two polls.
     */
    public boolean defer(String actionId, String owner, Instant notBefore, JsonNode checkpoint, Failure lastError,
                         List<GraphCall> calls) {
        String sql = """
                UPDATE action_log SET status = CASE WHEN ?::jsonb IS NULL THEN 'received' ELSE 'running' END,
                       checkpoint = ?::jsonb, not_before = ?, lease_owner = NULL, lease_until = ?,
                       error_code = ?, error_message = ?, error_fix = ?, graph_status = ?, graph_error = ?,
                       graph_calls = graph_calls || ?::jsonb, updated_at = now()
                WHERE action_id = ? AND status = 'running' AND lease_owner = ?
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            String cp = checkpoint == null ? null : checkpoint.toString();
            s.setString(1, cp);
            s.setString(2, cp);
            s.setTimestamp(3, Timestamp.from(notBefore));
            s.setTimestamp(4, Timestamp.from(notBefore));
            s.setString(5, lastError == null ? null : lastError.code());
            s.setString(6, lastError == null ? null : lastError.message());
            s.setString(7, lastError == null ? null : lastError.fix());
            setInt(s, 8, lastError == null ? null : lastError.graphStatus());
            s.setString(9, lastError == null ? null : lastError.graphErrorCode());
            s.setString(10, json(calls));
            s.setString(11, actionId);
            s.setString(12, owner);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ActionStoreException("cannot defer action " + actionId, e);
        }
    }

    // ------------------------------------------------------------------ operators

    /** Moves an action awaiting approval on to received; the approver must not be who requested it. */
    public Decision approve(String actionId, String approver) {
        String sql = """
                UPDATE action_log SET status = 'received', approved_by = ?, decided_at = now(), updated_at = now()
                WHERE action_id = ? AND status = 'awaiting-approval' AND requester IS DISTINCT FROM ?
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, approver);
            s.setString(2, actionId);
            s.setString(3, approver);
            return s.executeUpdate() == 1 ? Decision.DONE : why(actionId, approver);
        } catch (SQLException e) {
            throw new ActionStoreException("cannot approve action " + actionId, e);
        }
    }

    /**
     * Ends an action that has not started (awaiting approval, or for a cancel also received) and queues the
     * rejection that tells the requester it will not run.
     */
    public Decision stopBeforeRun(String actionId, String operator, boolean alsoReceived, String code, String message,
                                  ActionResultEvent rejection) {
        String states = alsoReceived ? "('received', 'awaiting-approval')" : "('awaiting-approval')";
        String sql = """
                UPDATE action_log SET status = ?, error_code = ?, error_message = ?, approved_by = ?, decided_at = now(),
                       finished_at = now(), updated_at = now()
                WHERE action_id = ? AND status IN %s
                """.formatted(states);
        String status = alsoReceived ? "cancelled" : "rejected";
        boolean done = inTransaction("cannot stop action " + actionId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, status);
                s.setString(2, code);
                s.setString(3, message);
                s.setString(4, operator);
                s.setString(5, actionId);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            ResultOutbox.add(c, rejection);
            return true;
        });
        return done ? Decision.DONE : why(actionId, null);
    }

    /** Why a decision did not apply. */
    public enum Decision { DONE, NOT_FOUND, WRONG_STATE, SAME_OPERATOR }

    private Decision why(String actionId, String approver) {
        Optional<ActionRecord> current = find(actionId);
        if (current.isEmpty()) {
            return Decision.NOT_FOUND;
        }
        if (approver != null && current.get().status() == ActionStatus.AWAITING_APPROVAL) {
            return Decision.SAME_OPERATOR;
        }
        return Decision.WRONG_STATE;
    }

    // ------------------------------------------------------------------ queries

    private static final String COLUMNS = """
            action_id, connection_id, tenant_id, action_type, target_id, status, parameters, requested_by, requester,
            reason, correlation_id, requested_at, received_at, attempts, not_before, outcome, resource_id, result,
            error_code, error_message, error_fix, graph_status, graph_error, graph_calls, checkpoint, approved_by,
            finished_at, seq
            """;

    public Optional<ActionRecord> find(String actionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM action_log WHERE action_id = ?")) {
            s.setString(1, actionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(record(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ActionStoreException("cannot read action " + actionId, e);
        }
    }

    /** One page of actions, newest first, filtered by any of connection, target and status. */
    public Page list(String connectionId, String targetId, ActionStatus status, Long beforeSeq, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM action_log WHERE true");
        List<Object> args = new ArrayList<>();
        if (connectionId != null) {
            sql.append(" AND connection_id = ?");
            args.add(connectionId);
        }
        if (targetId != null) {
            sql.append(" AND target_id = ?");
            args.add(targetId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.wireName());
        }
        if (beforeSeq != null) {
            sql.append(" AND seq < ?");
            args.add(beforeSeq);
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(limit + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            List<ActionRecord> items = new ArrayList<>();
            long lastSeq = 0;
            boolean more = false;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    items.add(record(r));
                    lastSeq = r.getLong("seq");
                }
            }
            return new Page(items, more ? Long.toString(lastSeq) : null);
        } catch (SQLException e) {
            throw new ActionStoreException("cannot list actions", e);
        }
    }

    /** A page of actions and the cursor of the next one (null on the last page). */
    public record Page(List<ActionRecord> items, String next) {
    }

    // ------------------------------------------------------------------ helpers

    private ActionRecord record(ResultSet r) throws SQLException {
        Timestamp requestedAt = r.getTimestamp("requested_at");
        Timestamp notBefore = r.getTimestamp("not_before");
        Timestamp finishedAt = r.getTimestamp("finished_at");
        String result = r.getString("result");
        Map<String, String> details = result == null ? Map.of() : read(result, new TypeReference<>() { });
        List<GraphCall> calls = read(r.getString("graph_calls"), new TypeReference<>() { });
        JsonNode checkpoint = parseNullable(r.getString("checkpoint"));
        Integer graphStatus = (Integer) r.getObject("graph_status");
        return new ActionRecord(r.getString("action_id"), r.getString("connection_id"), r.getString("tenant_id"),
                r.getString("action_type"), r.getString("target_id"), ActionStatus.fromWireName(r.getString("status")),
                parse(r.getString("parameters")), r.getString("requested_by"), r.getString("requester"),
                r.getString("reason"), r.getString("correlation_id"),
                requestedAt == null ? null : requestedAt.toInstant(), r.getTimestamp("received_at").toInstant(),
                r.getInt("attempts"), notBefore == null ? null : notBefore.toInstant(), r.getString("outcome"),
                r.getString("resource_id"), details, r.getString("error_code"), r.getString("error_message"),
                r.getString("error_fix"), graphStatus, r.getString("graph_error"), calls,
                checkpoint == null ? null : checkpoint.get("progress"), r.getString("approved_by"),
                finishedAt == null ? null : finishedAt.toInstant());
    }

    private boolean finish(String actionId, ActionResultEvent result, String sql, Binder binder) {
        return inTransaction("cannot finish action " + actionId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                if (s.executeUpdate() == 0) {
                    c.rollback();
                    return false;
                }
            }
            ResultOutbox.add(c, result);
            return true;
        });
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private interface TransactionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new ActionStoreException(what, e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("action_log holds unreadable JSON", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("action_log holds unreadable JSON", e);
        }
    }

    private static JsonNode parseNullable(String json) {
        return json == null ? null : parse(json);
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}
