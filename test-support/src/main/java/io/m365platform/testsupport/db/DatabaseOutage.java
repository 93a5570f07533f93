package io.m365platform.testsupport.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real outage of the tests' database: from the {@code postgres} database, {@code test} stops accepting
 * connections and every open connection to it is terminated, as when the server restarts or fails over. The service
 * under test sees what it would see in production (terminated sessions, refused connections) until {@link #close}.
 */
public final class DatabaseOutage implements AutoCloseable {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String DATABASE = "test";

    private DatabaseOutage() {
    }

    public static DatabaseOutage begin() {
        execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE
                        + "' AND pid <> pg_backend_pid()");
        return new DatabaseOutage();
    }

    /** Ends the outage: the database accepts connections again. */
    @Override
    public void close() {
        execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
    }

    private static void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the availability of database " + DATABASE, e);
        }
    }
}
