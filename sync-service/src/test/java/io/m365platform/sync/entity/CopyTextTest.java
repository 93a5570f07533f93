package io.m365platform.sync.entity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The COPY text encoding: what PostgreSQL reads back must be exactly what was written. */
class CopyTextTest {

    @Test
    void fieldsAreTabSeparatedAndSpecialCharactersEscaped() {
        CopyText t = new CopyText();
        t.text("plain");
        t.text("tab\there, line\nbreak, back\\slash, cr\r");
        t.nullValue();
        t.text(null);
        t.raw("t");
        t.bytes(new byte[] {0x0f, (byte) 0xa0});
        t.textArray(Arrays.asList("owner", "quote\"d", null, "back\\slash"));
        t.endRow();
        assertEquals("plain\ttab\\there, line\\nbreak, back\\\\slash, cr\\r\t\\N\t\\N\tt\t\\\\x0fa0\t"
                + "{\"owner\",\"quote\\\\\"d\",NULL,\"back\\\\\\\\slash\"}\n", t.content());
    }

    @Test
    void utf8FieldsAreEscapedAtByteLevelWithoutTouchingMultiByteCharacters() {
        CopyText t = new CopyText();
        t.utf8("{\"name\":\"Zoë \\\"Z\\\" 東京\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        t.text("Zoë\t東京");
        t.endRow();
        assertEquals("{\"name\":\"Zoë \\\\\"Z\\\\\" 東京\"}\tZoë\\t東京\n", t.content());
    }

    @Test
    void growsPastItsInitialBuffer() throws Exception {
        CopyText t = new CopyText();
        String big = "x".repeat(200_000);
        t.text(big);
        t.endRow();
        assertEquals(big + "\n", new String(t.stream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2024-01-02T03:04:05Z", "1970-01-01T00:00:00Z",
            "2025-12-31T23:59:59.5Z", "2025-06-01T10:00:00.000001Z", "2025-06-01T10:00:00.123456789Z",
            "0001-01-01T00:00:00Z"})
    void timestampsAreWrittenAsInstantsPrintThem(String text) {
        java.time.Instant instant = java.time.Instant.parse(text);
        CopyText t = new CopyText(8);
        t.timestamp(instant);
        t.timestamp(null);
        assertEquals(java.time.Instant.parse(t.content().split("\t")[0]), instant);
        assertEquals("\\N", t.content().split("\t")[1]);
    }

    @Test
    void rowsFollowEachOther() {
        CopyText t = new CopyText();
        t.text("a");
        t.endRow();
        t.textArray(List.of());
        t.endRow();
        assertEquals("a\n{}\n", t.content());
    }
}
