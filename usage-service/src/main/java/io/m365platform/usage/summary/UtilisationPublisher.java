package io.m365platform.usage.summary;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.usage.LicenseUtilisation;
import io.m365platform.service.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes license utilisation per SKU to m365.usage.license-utilisation (compacted, key
 * {@code {connectionId}/{skuId}}) when its figures changed since the last publication (a new day, an assignment
 * change, a sign-in), not on every computation.
 */
@ApplicationScoped
public class UtilisationPublisher {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final AgroalDataSource dataSource;
    private final UtilisationQueries utilisation;
    private final EventPublisher publisher;
    private final Clock clock;

    public UtilisationPublisher(AgroalDataSource dataSource, UtilisationQueries utilisation, EventPublisher publisher,
                                Clock clock) {
        this.dataSource = dataSource;
        this.utilisation = utilisation;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Publishes the changed SKUs of every connection with a window; returns the number of events sent. */
    public int publishChanged() {
        int sent = 0;
        for (String[] connection : connectionsWithWindow()) {
            sent += publishChanged(connection[0], connection[1]);
        }
        return sent;
    }

    /** Publishes the changed SKUs of one connection ({@code force}: all of them). */
    public int publishChanged(String connectionId, String tenantId) {
        return publish(connectionId, tenantId, false);
    }

    public int publishAll(String connectionId, String tenantId) {
        return publish(connectionId, tenantId, true);
    }

    private int publish(String connectionId, String tenantId, boolean force) {
        Map<String, String> published = force ? Map.of() : fingerprints(connectionId);
        int unmapped = unmappedRows(connectionId);
        Instant now = clock.instant();
        int sent = 0;
        for (SkuUtilisation sku : utilisation.perSku(connectionId)) {
            LicenseUtilisation event = new LicenseUtilisation(connectionId, tenantId, sku.skuId(), sku.skuPartNumber(),
                    sku.window().start(), sku.window().end(), sku.window().daysCovered(), sku.prepaidUnits(),
                    sku.consumedUnits(), sku.activeUsers(), sku.inactiveUsers(), sku.unassignedUnits(), unmapped,
                    sku.assignedDirectly(), sku.inheritedOnly(), sku.inactiveDirect(), sku.signedInWithoutUse(), now);
            String fingerprint = sku.toString() + "/" + unmapped;
            if (fingerprint.equals(published.get(sku.skuId()))) {
                continue;
            }
            EventPublisher.await(publisher.publish(event), PUBLISH_TIMEOUT);
            remember(connectionId, sku.skuId(), fingerprint, now);
            sent++;
        }
        return sent;
    }

    private List<String[]> connectionsWithWindow() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT connection_id, tenant_id FROM ingestion_state WHERE latest_data_day IS NOT NULL");
             ResultSet r = s.executeQuery()) {
            List<String[]> result = new ArrayList<>();
            while (r.next()) {
                result.add(new String[] {r.getString(1), r.getString(2)});
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list connections with usage", e);
        }
    }

    private Map<String, String> fingerprints(String connectionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT sku_id, fingerprint FROM published_utilisation WHERE connection_id = ?")) {
            s.setString(1, connectionId);
            Map<String, String> result = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.put(r.getString(1), r.getString(2));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read published utilisation of " + connectionId, e);
        }
    }

    /** Rows of the window that could not be mapped to a user (concealed or unknown names). */
    private int unmappedRows(String connectionId) {
        return utilisation.window(connectionId).map(w -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                    SELECT count(*) FROM daily_app_usage
                    WHERE connection_id = ? AND day BETWEEN ? AND ? AND user_id IS NULL""")) {
                s.setString(1, connectionId);
                s.setDate(2, Date.valueOf(w.start()));
                s.setDate(3, Date.valueOf(w.end()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count unmapped rows of " + connectionId, e);
            }
        }).orElse(0);
    }

    private void remember(String connectionId, String skuId, String fingerprint, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO published_utilisation (connection_id, sku_id, fingerprint, published_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (connection_id, sku_id) DO UPDATE SET fingerprint = excluded.fingerprint,
                                                                  published_at = excluded.published_at""")) {
            s.setString(1, connectionId);
            s.setString(2, skuId);
            s.setString(3, fingerprint);
            s.setTimestamp(4, Timestamp.from(now));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remember the utilisation of " + skuId, e);
        }
    }
}
