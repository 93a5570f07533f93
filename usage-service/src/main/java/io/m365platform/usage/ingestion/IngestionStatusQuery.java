package io.m365platform.usage.ingestion;

import io.agroal.api.AgroalDataSource;
import io.m365platform.usage.config.UsageConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a connection's {@link IngestionStatus} from the queue and state tables. */
@ApplicationScoped
public class IngestionStatusQuery {

    private final AgroalDataSource dataSource;
    private final UsageConfig.Ingestion config;
    private final Clock clock;

    public IngestionStatusQuery(AgroalDataSource dataSource, UsageConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config.ingestion();
        this.clock = clock;
    }

    public Optional<IngestionStatus> status(String connectionId) {
        try (Connection c = dataSource.getConnection()) {
            LocalDate latest;
            Instant throttledUntil;
            boolean concealed;
            boolean optIn;
            String stateError;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT latest_data_day, throttled_until, concealed, last_error, unconceal_opt_in
                    FROM ingestion_state WHERE connection_id = ?""")) {
                s.setString(1, connectionId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    latest = r.getDate(1) == null ? null : r.getDate(1).toLocalDate();
                    Timestamp until = r.getTimestamp(2);
                    Instant now = clock.instant();
                    throttledUntil = until == null || !until.toInstant().isAfter(now) ? null : until.toInstant();
                    concealed = r.getBoolean(3);
                    stateError = r.getString(4);
                    optIn = r.getBoolean(5);
                }
            }
            int ingested = 0;
            int unavailable = 0;
            List<LocalDate> pending = new ArrayList<>();
            Instant nextCall = null;
            String lastError = stateError;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT day, state, not_before, last_error FROM report_day WHERE connection_id = ?
                    ORDER BY day""")) {
                s.setString(1, connectionId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        switch (r.getString(2)) {
                            case "ingested" -> ingested++;
                            case "unavailable" -> unavailable++;
                            default -> {
                                pending.add(r.getDate(1).toLocalDate());
                                Instant due = r.getTimestamp(3).toInstant();
                                nextCall = nextCall == null || due.isBefore(nextCall) ? due : nextCall;
                                if (r.getString(4) != null) {
                                    lastError = r.getString(4);
                                }
                            }
                        }
                    }
                }
            }
            int calls;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM report_call WHERE connection_id = ? AND called_at > ?")) {
                s.setString(1, connectionId);
                s.setTimestamp(2, Timestamp.from(clock.instant().minus(config.throttleWindow())));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    calls = r.getInt(1);
                }
            }
            if (nextCall != null && throttledUntil != null && throttledUntil.isAfter(nextCall)) {
                nextCall = throttledUntil;
            }
            return Optional.of(new IngestionStatus(connectionId, latest, ingested, pending.size(), unavailable,
                    pending, nextCall, calls, config.throttleRequests(), throttledUntil, concealed,
                    concealed ? Concealment.FIX : null, optIn, lastError));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ingestion status of " + connectionId, e);
        }
    }
}
