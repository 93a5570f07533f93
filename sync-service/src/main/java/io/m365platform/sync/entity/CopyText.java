package io.m365platform.sync.entity;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Builds rows in PostgreSQL's COPY text format, as UTF-8 bytes: tab-separated fields, {@code \N} for null,
 * backslash escapes for backslash, tab, newline and carriage return. Bytes, not a String, because the biggest field
 * (an entity's JSON) already is bytes: it is escaped on the way in, never decoded and encoded again. Escaping at
 * byte level is safe for UTF-8: the bytes of a multi-byte character are all >= 0x80.
 */
public final class CopyText {

    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int size;
    private boolean rowStarted;

    public CopyText() {
        this(1 << 16);
    }

    /** With room for about {@code expectedBytes} (a page's rows: their JSON plus the other columns). */
    public CopyText(int expectedBytes) {
        buf = new byte[Math.max(256, expectedBytes)];
    }

    /** A value that needs no escaping (numbers, booleans, timestamps, UUIDs). */
    public void raw(String value) {
        separator();
        ascii(value);
    }

    public void nullValue() {
        separator();
        append(NULL, 0, NULL.length);
    }

    public void text(String value) {
        if (value == null) {
            nullValue();
            return;
        }
        separator();
        if (!asciiEscaped(value)) {
            escaped(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Writes an ASCII value char by char (ids, names: most text fields), escaping as {@link #escaped}; false, having
     * written nothing, at the first non-ASCII char.
     */
    private boolean asciiEscaped(String value) {
        int n = value.length();
        ensure(2 * n);
        int at = size;
        for (int i = 0; i < n; i++) {
            char ch = value.charAt(i);
            if (ch >= 0x80) {
                return false;
            }
            byte escape = ch == '\\' ? (byte) '\\' : ch == '\t' ? (byte) 't' : ch == '\n' ? (byte) 'n'
                    : ch == '\r' ? (byte) 'r' : 0;
            if (escape != 0) {
                buf[at++] = '\\';
                buf[at++] = escape;
            } else {
                buf[at++] = (byte) ch;
            }
        }
        size = at;
        return true;
    }

    /** A text field given as UTF-8 bytes (e.g. JSON), escaped as needed. */
    public void utf8(byte[] value) {
        separator();
        escaped(value);
    }

    /**
     * A timestamptz as {@code yyyy-MM-ddTHH:mm:ss[.fffffffff]Z}, written digit by digit: {@link Instant#toString()}
     * goes through a formatter, which showed in profiles of page writes.
     */
    public void timestamp(Instant value) {
        if (value == null) {
            nullValue();
            return;
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(),
                java.time.ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            raw(value.toString());
            return;
        }
        separator();
        ensure(30);
        digits(t.getYear(), 4);
        buf[size++] = '-';
        digits(t.getMonthValue(), 2);
        buf[size++] = '-';
        digits(t.getDayOfMonth(), 2);
        buf[size++] = 'T';
        digits(t.getHour(), 2);
        buf[size++] = ':';
        digits(t.getMinute(), 2);
        buf[size++] = ':';
        digits(t.getSecond(), 2);
        if (t.getNano() != 0) {
            buf[size++] = '.';
            digits(t.getNano(), 9);
        }
        buf[size++] = 'Z';
    }

    private void digits(int value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            buf[size + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += count;
    }

    /** bytea in hex input format, {@code \x...} (its backslash escaped for COPY). */
    public void bytes(byte[] value) {
        separator();
        ensure(3 + 2 * value.length);
        buf[size++] = '\\';
        buf[size++] = '\\';
        buf[size++] = 'x';
        for (byte b : value) {
            buf[size++] = HEX[(b >> 4) & 0xf];
            buf[size++] = HEX[b & 0xf];
        }
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
        text(literal.toString());
    }

    public void endRow() {
        ensure(1);
        buf[size++] = '\n';
        rowStarted = false;
    }

    /** What was built, for {@code CopyManager.copyIn}. */
    public InputStream stream() {
        return new ByteArrayInputStream(buf, 0, size);
    }

    /** What was built, as text (tests, diagnostics). */
    public String content() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }

    private void separator() {
        if (rowStarted) {
            ensure(1);
            buf[size++] = '\t';
        }
        rowStarted = true;
    }

    private void ascii(String value) {
        int n = value.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size + i] = (byte) value.charAt(i); // ASCII only (checked, or numbers and timestamps)
        }
        size += n;
    }

    private void escaped(byte[] value) {
        ensure(value.length);
        int start = 0;
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            // Almost every byte is printable: one comparison each (bytes of multi-byte characters are negative).
            if (b == '\\' || (b >= '\t' && b <= '\r')) {
                byte escape = switch (b) {
                    case '\\' -> '\\';
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    default -> 0; // vertical tab, form feed: taken as they are
                };
                if (escape != 0) {
                    append(value, start, i - start);
                    ensure(2);
                    buf[size++] = '\\';
                    buf[size++] = escape;
                    start = i + 1;
                }
            }
        }
        append(value, start, value.length - start);
    }

    private void append(byte[] src, int from, int length) {
        ensure(length);
        System.arraycopy(src, from, buf, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
