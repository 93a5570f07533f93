package io.m365platform.connection.check;

import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.service.ConnectionNotFoundException;
import io.m365platform.connection.service.ConnectionService;
import io.m365platform.connection.status.ConnectionHealthPolicy;
import io.m365platform.connection.status.HealthSettings;
import io.m365platform.connection.store.ConnectionStore;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/**
 * Re-tests every connection on a schedule, so expired secrets, withdrawn consent and new permissions show up
 * without anyone asking, and a known secret expiry is announced ahead of time (status reason, fix and an event).
 * One instance runs it at a time (a PostgreSQL advisory lock held for the run).
 */
@ApplicationScoped
public class HealthCheckJob {

    private static final Logger LOG = Logger.getLogger(HealthCheckJob.class);
    private static final long LOCK_KEY = 0x636f6e6865616cL;

    private final ConnectionStore store;
    private final ConnectionService connections;
    private final ConnectionTester tester;
    private final ConnectionHealthPolicy policy;
    private final DataSource dataSource;
    private final Clock clock;

    public HealthCheckJob(ConnectionStore store, ConnectionService connections, ConnectionTester tester,
            ConnectionHealthPolicy policy, DataSource dataSource, Clock clock) {
        this.store = store;
        this.connections = connections;
        this.tester = tester;
        this.policy = policy;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What one run did. */
    public record Summary(int tested, int skipped, int failed) {
    }

    @Scheduled(every = "${connection.health.check-every:15m}", delayed = "${connection.health.check-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DisabledInConfig.class)
    void scheduled() {
        Summary s = runOnce();
        LOG.infof("Health check: %d tested, %d skipped, %d failed", s.tested(), s.skipped(), s.failed());
    }

    /** Tests every connection once, unless another instance is running the check right now. */
    public Summary runOnce() {
        try (java.sql.Connection lockHolder = dataSource.getConnection()) {
            if (!tryLock(lockHolder)) {
                return new Summary(0, 0, 0);
            }
            try {
                return testAll();
            } finally {
                unlock(lockHolder);
            }
        } catch (SQLException e) {
            LOG.warnf("Health check could not take its lock: %s", e.getMessage());
            return new Summary(0, 0, 0);
        }
    }

    private Summary testAll() {
        int tested = 0;
        int skipped = 0;
        int failed = 0;
        for (UUID id : store.allIds()) {
            try {
                Connection c = store.find(id).orElseThrow(() -> new ConnectionNotFoundException(id));
                if (c.method() == ConnectionMethod.ADMIN_USER && c.admin().isEmpty()) {
                    skipped++;
                    continue;
                }
                ConnectionTester.Probing probing = policy.probeDue(c, clock.instant())
                        ? ConnectionTester.Probing.PROBE : ConnectionTester.Probing.SKIP;
                connections.applyReport(id, tester.test(c, probing), "health-check");
                tested++;
            } catch (ConnectionNotFoundException e) {
                skipped++; // deleted meanwhile
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf("Health check of connection %s failed: %s", id, e.getMessage());
            }
        }
        return new Summary(tested, skipped, failed);
    }

    private static boolean tryLock(java.sql.Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, LOCK_KEY);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static void unlock(java.sql.Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select pg_advisory_unlock(?)")) {
            s.setLong(1, LOCK_KEY);
            s.execute();
        }
    }

    /** {@code connection.health.check-enabled=false} turns the schedule off (tests run checks on demand). */
    @jakarta.inject.Singleton
    public static class DisabledInConfig implements Scheduled.SkipPredicate {

        private final HealthSettings settings;

        public DisabledInConfig(HealthSettings settings) {
            this.settings = settings;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !settings.checkEnabled();
        }
    }
}
