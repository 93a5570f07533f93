package io.m365platform.usage.ingestion;

import io.agroal.api.AgroalDataSource;
import io.m365platform.graph.error.GraphException;
import io.m365platform.service.token.TokenUnavailableException;
import io.m365platform.usage.config.UsageConfig;
import io.m365platform.usage.ingestion.client.ReportsClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns report concealment off for connections whose operator opted in and that grant ReportSettings.ReadWrite.All
 * ({@code PATCH /admin/reportSettings {"displayConcealedNames": false}}), then asks every day again once Graph had
 * time to apply it. Nothing is ever mapped from the hashes themselves.
 */
@ApplicationScoped
public class ConcealmentFixer {

    private static final Logger LOG = Logger.getLogger(ConcealmentFixer.class);

    private final AgroalDataSource dataSource;
    private final ReportsClient reports;
    private final ReportDayQueue queue;
    private final UsageConfig.Concealment config;
    private final Clock clock;

    public ConcealmentFixer(AgroalDataSource dataSource, ReportsClient reports, ReportDayQueue queue,
                            UsageConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.reports = reports;
        this.queue = queue;
        this.config = config.concealment();
        this.clock = clock;
    }

    /** Records the operator's choice; false when the connection has no ingestion yet. */
    public boolean optIn(String connectionId, boolean enabled) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE ingestion_state SET unconceal_opt_in = ?, updated_at = now() WHERE connection_id = ?")) {
            s.setBoolean(1, enabled);
            s.setString(2, connectionId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the opt-in of " + connectionId, e);
        }
    }

    /** Fixes every concealed, opted-in connection that grants the permission; returns how many were fixed. */
    public int fixOptedIn() {
        int fixed = 0;
        for (String[] connection : candidates()) {
            try {
                reports.stopConcealingNames(connection[0], connection[1]);
            } catch (GraphException | TokenUnavailableException e) {
                LOG.warnf("Cannot turn report concealment off for %s: %s", connection[0], e.getMessage());
                recordError(connection[0], "turning concealment off failed: " + e.getMessage());
                continue;
            }
            LOG.infof("Report concealment turned off for %s; its days are asked again in %s", connection[0],
                    config.settleDelay());
            markFixed(connection[0]);
            queue.requeue(connection[0], Report.M365_APP_USER_DETAIL, clock.instant().plus(config.settleDelay()));
            fixed++;
        }
        return fixed;
    }

    private List<String[]> candidates() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT s.connection_id, s.tenant_id FROM ingestion_state s
                JOIN tracked_connection t ON t.connection_id = s.connection_id
                WHERE s.concealed AND s.unconceal_opt_in AND t.status = 'connected' AND ? = ANY (t.permissions)""")) {
            s.setString(1, Concealment.REPORT_SETTINGS_WRITE);
            try (ResultSet r = s.executeQuery()) {
                List<String[]> result = new ArrayList<>();
                while (r.next()) {
                    result.add(new String[] {r.getString(1), r.getString(2)});
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list concealed connections", e);
        }
    }

    private void markFixed(String connectionId) {
        update(connectionId, "UPDATE ingestion_state SET concealed = false, last_error = NULL, updated_at = now() "
                + "WHERE connection_id = ?");
    }

    private void recordError(String connectionId, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE ingestion_state SET last_error = ?, updated_at = now() WHERE connection_id = ?")) {
            s.setString(1, error);
            s.setString(2, connectionId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record an error of " + connectionId, e);
        }
    }

    private void update(String connectionId, String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, connectionId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update " + connectionId, e);
        }
    }
}
