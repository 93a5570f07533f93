package io.m365platform.graphsim.reports;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A report CSV as Graph serves it: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting. */
final class Csv {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);

    Csv(List<String> header) {
        try {
            out.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row(header);
    }

    void row(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                String c = cells.get(i);
                if (c == null) {
                    continue;
                }
                if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                    out.write('"');
                    out.write(c.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(c);
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] toBytes() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
