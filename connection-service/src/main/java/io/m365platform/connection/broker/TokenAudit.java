package io.m365platform.connection.broker;

import io.m365platform.connection.store.StoreException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Who was given a Graph token for which connection, and when: one row per token handed out (never the token), and a
 * log line. A platform that can act in customers' tenants must be able to say which service held a token when.
 */
@ApplicationScoped
public class TokenAudit {

    private static final Logger LOG = Logger.getLogger(TokenAudit.class);

    private final DataSource dataSource;
    private final BrokerSettings settings;
    private final Clock clock;

    public TokenAudit(DataSource dataSource, BrokerSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a token handed to {@code caller} (the bearer token's principal) for the connection. */
    public void issued(UUID connectionId, String caller, TokenBroker.BrokeredToken token) {
        LOG.infof("Graph token for connection %s issued to %s (%s, expires %s)", connectionId, caller,
                token.token().fromCache() ? "from cache" : "new", token.token().expiresAt());
        String sql = "insert into token_audit (connection_id, caller, issued_at, from_cache, expires_at)"
                + " values (?, ?, ?, ?, ?)";
        try (Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, connectionId);
            s.setString(2, caller);
            s.setTimestamp(3, Timestamp.from(clock.instant()));
            s.setBoolean(4, token.token().fromCache());
            s.setTimestamp(5, Timestamp.from(token.token().expiresAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the token issued for connection " + connectionId, e);
        }
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOld() {
        try (Connection db = dataSource.getConnection();
             PreparedStatement s = db.prepareStatement("delete from token_audit where issued_at < ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant().minus(settings.auditRetention())));
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Could not purge the token audit: %s", e.getMessage());
        }
    }
}
