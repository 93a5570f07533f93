package io.m365platform.usage.daily;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Rows written to a PostgreSQL {@code COPY … FROM STDIN} (text format) through a fixed buffer: memory stays at the
 * buffer whatever the report's size.
 */
final class CopyText {

    private static final int FLUSH_AT = 64 * 1024;

    private final CopyIn copy;
    private final StringBuilder line = new StringBuilder(FLUSH_AT + 1024);

    CopyText(CopyIn copy) {
        this.copy = copy;
    }

    CopyText text(String value) {
        if (value == null) {
            line.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(ch);
            }
        }
        return this;
    }

    CopyText tab() {
        line.append('\t');
        return this;
    }

    CopyText number(long value) {
        line.append(value);
        return this;
    }

    CopyText bool(boolean value) {
        line.append(value ? 't' : 'f');
        return this;
    }

    void endRow() throws SQLException {
        line.append('\n');
        if (line.length() >= FLUSH_AT) {
            flush();
        }
    }

    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        if (!line.isEmpty()) {
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            line.setLength(0);
        }
    }
}
