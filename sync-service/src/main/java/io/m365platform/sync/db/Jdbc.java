package io.m365platform.sync.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain-JDBC transactions. Sync-service writes in large batches, so it uses JDBC directly (no ORM) and decides
 * itself where a transaction begins and ends: one per page, holding that page's rows and its checkpoint.
 */
public final class Jdbc {

    private final DataSource dataSource;
    private final TableStatistics statistics = new TableStatistics();

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Planner statistics upkeep for the tables written through this data source. */
    public TableStatistics statistics() {
        return statistics;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlFunction<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * A transaction whose commit does not wait for the WAL flush ({@code synchronous_commit = off}). For page
     * commits only: their events are already published, so a commit lost in a database crash merely makes the
     * resumed run read that page again (and publish its events twice), never loses anything.
     */
    public <T> T inPageTransaction(SqlFunction<T> work) {
        return inTransaction(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("set local synchronous_commit = off");
            }
            return work.apply(c);
        });
    }

    /** Runs {@code work} on a connection in auto-commit mode (single statements, reads). */
    public <T> T withConnection(SqlFunction<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public void inTransactionVoid(SqlConsumer work) {
        inTransaction(c -> {
            work.accept(c);
            return null;
        });
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    public interface SqlConsumer {
        void accept(Connection connection) throws SQLException;
    }
}
