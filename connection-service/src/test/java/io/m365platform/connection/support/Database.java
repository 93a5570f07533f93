package io.m365platform.connection.support;

import io.quarkus.arc.Arc;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Looks at the service's schema the way an attacker with a database dump would. */
public final class Database {

    private Database() {
    }

    private static DataSource dataSource() {
        return Arc.container().instance(DataSource.class).get();
    }

    /** pg_dump of the schema (definitions and data); a JDBC dump of every row where pg_dump is not installed. */
    public static String dump() throws Exception {
        try {
            Process p = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-n", "connection")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) {
                return out;
            }
        } catch (IOException notInstalled) {
            // fall through to the JDBC dump
        }
        StringBuilder dump = new StringBuilder();
        try (java.sql.Connection db = dataSource().getConnection(); Statement s = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select table_name from information_schema.tables where table_schema = 'connection'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                dump.append("-- connection.").append(table).append('\n');
                try (ResultSet r = s.executeQuery("select t::text from connection." + table + " t")) {
                    while (r.next()) {
                        dump.append(r.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    /** {@code table.column} of every binary column of the schema. */
    public static List<String> binaryColumns() throws SQLException {
        List<String> binary = new ArrayList<>();
        try (java.sql.Connection db = dataSource().getConnection(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select table_name || '.' || column_name from information_schema.columns"
                     + " where table_schema = 'connection' and data_type = 'bytea' order by 1")) {
            while (r.next()) {
                binary.add(r.getString(1));
            }
        }
        return binary;
    }

    public static List<UUID> connectionsWithTokenCache() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (java.sql.Connection db = dataSource().getConnection(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select connection_id from connection.sealed_credentials where kind = 'token-cache'")) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
