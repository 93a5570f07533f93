package io.m365platform.action.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.action.ActionCompleted;
import io.m365platform.contracts.action.ActionFailed;
import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionResultEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * The {@code result_outbox} table: a result is written in the transaction that changes its action's state, and
 * {@link OutboxRelay} publishes it afterwards. So a result is never lost (it is in the table until Kafka has it) and
 * never announces a state that was not committed.
 */
public final class ResultOutbox {

    private static final ObjectMapper JSON = EventJson.mapper();
    static final Map<String, Class<? extends ActionResultEvent>> TYPES = Map.of(
            "completed", ActionCompleted.class, "failed", ActionFailed.class, "rejected", ActionRejected.class);

    private ResultOutbox() {
    }

    /** Adds the result within the caller's transaction. */
    public static void add(Connection c, ActionResultEvent event) throws SQLException {
        String type = switch (event) {
            case ActionCompleted ignored -> "completed";
            case ActionFailed ignored -> "failed";
            case ActionRejected ignored -> "rejected";
            default -> throw new IllegalArgumentException("not an action result: " + event.getClass());
        };
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO result_outbox (action_id, event_type, payload) VALUES (?, ?, ?::jsonb)")) {
            s.setString(1, event.actionId());
            s.setString(2, type);
            s.setString(3, JSON.writeValueAsString(event));
            s.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the result of " + event.actionId(), e);
        }
    }
}
