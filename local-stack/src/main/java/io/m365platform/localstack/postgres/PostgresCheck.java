package io.m365platform.localstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The local PostgreSQL server: reachable with the given credentials, and the stack's own database present (created
 * on first use, dropped by {@code --fresh}). Each service keeps its tables in its own schema of that database.
 */
public final class PostgresCheck {

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public PostgresCheck(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Raised with a message a newcomer can act on. */
    public static final class UnreachableException extends Exception {
        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server's version, or a clear explanation of why it cannot be used. */
    public String version() throws UnreachableException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new UnreachableException(explain(e), e);
        }
    }

    /** Creates the database unless it exists; returns true when it was created. */
    public boolean ensureDatabase(String name) throws UnreachableException {
        try (Connection c = connect("postgres")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                // name is validated as a plain identifier by the options; CREATE DATABASE cannot take a parameter.
                s.execute("CREATE DATABASE \"" + name + "\"");
            }
            return true;
        } catch (SQLException e) {
            throw new UnreachableException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database, disconnecting whoever still uses it (a service of an earlier run that was killed). */
    public void dropDatabase(String name) throws UnreachableException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new UnreachableException("could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5");
        p.setProperty("ApplicationName", "local-stack");
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    private String explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = host + ":" + port;
        if (state.startsWith("08")) {
            return "PostgreSQL is not reachable at " + where + " (" + e.getMessage() + "). Start it (Debian: "
                    + "`pg_ctlcluster <version> main start`, or `sudo service postgresql start`) or point the stack to"
                    + " another server with --db-host/--db-port.";
        }
        if (state.startsWith("28")) {
            return "PostgreSQL at " + where + " refused user '" + user + "' (" + e.getMessage() + "). Give the right"
                    + " credentials with --db-user/--db-password.";
        }
        return "PostgreSQL at " + where + " could not be used: " + e.getMessage();
    }
}
