package io.m365platform.action.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.action.ActionRequested;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * The {@code action_log} table. The action id is the requester's idempotency key: recording the same request twice
 * (a redelivery, a replay of the topic) leaves the first row as it is.
 */
@ApplicationScoped
public class ActionLog {

    private static final ObjectMapper JSON = EventJson.mapper();

    private final AgroalDataSource dataSource;

    public ActionLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a valid request; false when a request with this action id was already recorded. */
    public boolean recordReceived(ActionRequested request, int partition, long offset) {
        String sql = """
                INSERT INTO action_log (action_id, connection_id, action_type, target_id, status, parameters,
                                        requested_by, requested_at, source_partition, source_offset)
                VALUES (?, ?, ?, ?, 'received', ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (action_id) DO NOTHING
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, request.actionId());
            s.setString(2, request.connectionId());
            s.setString(3, request.type().wireName());
            s.setString(4, request.targetId());
            s.setString(5, JSON.writeValueAsString(request.parameters()));
            s.setString(6, request.requestedBy());
            s.setTimestamp(7, Timestamp.from(request.requestedAt()));
            s.setInt(8, partition);
            s.setLong(9, offset);
            return s.executeUpdate() == 1;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot record action " + request.actionId(), e);
        }
    }

    /** Records a request that was answered with a rejection; false when the action id was already recorded. */
    public boolean recordRejected(RejectedRequest rejected, int partition, long offset) {
        String sql = """
                INSERT INTO action_log (action_id, connection_id, action_type, status, parameters, error_code,
                                        error_message, source_partition, source_offset)
                VALUES (?, ?, ?, 'rejected', ?::jsonb, 'invalid-request', ?, ?, ?)
                ON CONFLICT (action_id) DO NOTHING
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, rejected.actionId());
            s.setString(2, rejected.connectionId());
            s.setString(3, rejected.typeName() == null ? "unknown" : rejected.typeName());
            s.setString(4, rejected.parameters() == null ? "{}" : rejected.parameters().toString());
            s.setString(5, rejected.summary());
            s.setInt(6, partition);
            s.setLong(7, offset);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record rejected action " + rejected.actionId(), e);
        }
    }

    public Optional<ActionRecord> find(String actionId) {
        String sql = """
                SELECT action_id, connection_id, action_type, target_id, status, parameters, requested_by,
                       requested_at, received_at, attempts, error_code, error_message
                FROM action_log WHERE action_id = ?
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, actionId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Timestamp requestedAt = r.getTimestamp(8);
                return Optional.of(new ActionRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), parse(r.getString(6)), r.getString(7),
                        requestedAt == null ? null : requestedAt.toInstant(), r.getTimestamp(9).toInstant(),
                        r.getInt(10), r.getString(11), r.getString(12)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read action " + actionId, e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("action_log.parameters is not JSON", e);
        }
    }
}
