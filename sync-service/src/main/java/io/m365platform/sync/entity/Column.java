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
public record Column<S>(String name, Type type, Function<S, ?> value) {

    /** The SQL types entity columns use. */
    public enum Type { TEXT, BOOLEAN, INTEGER, TIMESTAMP, TEXT_ARRAY }

    public static <S> Column<S> text(String name, Function<S, String> value) {
        return new Column<>(name, Type.TEXT, value);
    }

    public static <S> Column<S> bool(String name, Function<S, Boolean> value) {
        return new Column<>(name, Type.BOOLEAN, value);
    }

    public static <S> Column<S> integer(String name, Function<S, Integer> value) {
        return new Column<>(name, Type.INTEGER, value);
    }

    public static <S> Column<S> timestamp(String name, Function<S, Instant> value) {
        return new Column<>(name, Type.TIMESTAMP, value);
    }

    public static <S> Column<S> textArray(String name, Function<S, List<String>> value) {
        return new Column<>(name, Type.TEXT_ARRAY, value);
    }

    /** Binds this column's value of {@code state} as a statement parameter. */
    @SuppressWarnings("unchecked")
    public void bind(PreparedStatement ps, int index, S state) throws SQLException {
        Object v = value.apply(state);
        switch (type) {
            case TEXT -> ps.setString(index, (String) v);
            case BOOLEAN -> {
                if (v == null) {
                    ps.setNull(index, Types.BOOLEAN);
                } else {
                    ps.setBoolean(index, (Boolean) v);
                }
            }
            case INTEGER -> {
                if (v == null) {
                    ps.setNull(index, Types.INTEGER);
                } else {
                    ps.setInt(index, (Integer) v);
                }
            }
            case TIMESTAMP -> {
                if (v == null) {
                    ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setTimestamp(index, Timestamp.from((Instant) v));
                }
            }
            case TEXT_ARRAY -> {
                List<String> list = (List<String>) v;
                ps.setArray(index, ps.getConnection().createArrayOf("text",
                        list == null ? new String[0] : list.toArray(String[]::new)));
            }
        }
    }

    /** Appends this column's value of {@code state} in COPY text format. */
    @SuppressWarnings("unchecked")
    public void copy(CopyText out, S state) {
        Object v = value.apply(state);
        if (v == null && type != Type.TEXT_ARRAY) {
            out.nullValue();
            return;
        }
        switch (type) {
            case TEXT -> out.text((String) v);
            case BOOLEAN -> out.raw((Boolean) v ? "t" : "f");
            case INTEGER -> out.raw(String.valueOf(v));
            case TIMESTAMP -> out.timestamp((Instant) v);
            case TEXT_ARRAY -> out.textArray(v == null ? List.of() : (List<String>) v);
        }
    }
}
