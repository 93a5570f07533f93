package io.m365platform.sync.entity;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A typed column of an entity table, filled from the entity's state. The whole state is also stored as JSON; these
 * columns exist for the REST filters and indexes (e.g. a user's userType, accountEnabled, license count).
 */
public record Column<S>(String name, Binder<S> binder) {

    @FunctionalInterface
    public interface Binder<S> {
        void bind(PreparedStatement ps, int index, S state) throws SQLException;
    }

    public static <S> Column<S> text(String name, Function<S, String> value) {
        return new Column<>(name, (ps, i, s) -> ps.setString(i, value.apply(s)));
    }

    public static <S> Column<S> bool(String name, Function<S, Boolean> value) {
        return new Column<>(name, (ps, i, s) -> {
            Boolean v = value.apply(s);
            if (v == null) {
                ps.setNull(i, Types.BOOLEAN);
            } else {
                ps.setBoolean(i, v);
            }
        });
    }

    public static <S> Column<S> integer(String name, Function<S, Integer> value) {
        return new Column<>(name, (ps, i, s) -> {
            Integer v = value.apply(s);
            if (v == null) {
                ps.setNull(i, Types.INTEGER);
            } else {
                ps.setInt(i, v);
            }
        });
    }

    public static <S> Column<S> timestamp(String name, Function<S, Instant> value) {
        return new Column<>(name, (ps, i, s) -> {
            Instant v = value.apply(s);
            if (v == null) {
                ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setTimestamp(i, Timestamp.from(v));
            }
        });
    }

    public static <S> Column<S> textArray(String name, Function<S, List<String>> value) {
        return new Column<>(name, (ps, i, s) -> {
            List<String> v = value.apply(s);
            ps.setArray(i, ps.getConnection().createArrayOf("text", v == null ? new String[0] : v.toArray(String[]::new)));
        });
    }
}
