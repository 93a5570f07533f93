package io.m365platform.sync.entity;

import java.util.HexFormat;
import java.util.List;

/**
 * Builds rows in PostgreSQL's COPY text format: tab-separated fields, {@code \N} for null, backslash escapes for
 * backslash, tab, newline and carriage return.
 */
public final class CopyText {

    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean rowStarted;

    public void raw(String value) {
        separator();
        out.append(value);
    }

    public void nullValue() {
        separator();
        out.append("\\N");
    }

    public void text(String value) {
        if (value == null) {
            nullValue();
            return;
        }
        separator();
        escape(value);
    }

    /** bytea in hex input format, {@code \x...} (its backslash escaped for COPY). */
    public void bytes(byte[] value) {
        separator();
        out.append("\\\\x").append(HexFormat.of().formatHex(value));
    }

    /** A text[] literal: {@code {"a","b"}} with element quoting, then COPY escaping. */
    public void textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String v = values.get(i);
            if (v == null) {
                literal.append("NULL");
            } else {
                literal.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        literal.append('}');
        separator();
        escape(literal.toString());
    }

    /** Index of the first character COPY needs escaped, or -1 (the common case: append the string as is). */
    private static int firstSpecial(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    public void endRow() {
        out.append('\n');
        rowStarted = false;
    }

    public String content() {
        return out.toString();
    }

    private void separator() {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
    }

    private void escape(String value) {
        int first = firstSpecial(value);
        if (first < 0) {
            out.append(value);
            return;
        }
        out.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
