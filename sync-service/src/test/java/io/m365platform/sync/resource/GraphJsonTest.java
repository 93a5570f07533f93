package io.m365platform.sync.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GraphJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-02T03:04:05Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z",
            "2025-12-31T10:15:30.1Z", "2025-12-31T10:15:30.123Z", "2025-12-31T10:15:30.1234567Z",
            "2025-12-31T10:15:30.123456789Z"})
    void utcTimestampsReadDirectlyEqualInstantParse(String text) {
        assertEquals(Instant.parse(text), GraphJson.utc(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T03:04:05Z", "2024-13-02T03:04:05Z", "2024-01-02 03:04:05Z",
            "2024-01-02T24:04:05Z", "2024-01-02T03:04:05.Z", "2024-01-02T03:04:05.1234567890Z", "+2024-01-02T03:04Z",
            "2024-01-02T03:04:05+01:00", "20x4-01-02T03:04:05Z"})
    void otherShapesAreLeftToTheGeneralParser(String text) {
        assertNull(GraphJson.utc(text));
    }

    @Test
    void instantsOfEveryShapeGraphSends() throws Exception {
        var node = JSON.readTree("{\"a\":\"2024-01-02T03:04:05Z\",\"b\":\"2024-01-02T04:04:05+01:00\","
                + "\"c\":\"2024-01-02T03:04:05\",\"d\":\"\",\"e\":\"2024-01-02T03:04:05.5Z\"}");
        Instant expected = Instant.parse("2024-01-02T03:04:05Z");
        assertEquals(expected, GraphJson.instant(node, "a"));
        assertEquals(expected, GraphJson.instant(node, "b"));
        assertEquals(expected, GraphJson.instant(node, "c"), "no offset: UTC is meant");
        assertNull(GraphJson.instant(node, "d"));
        assertNull(GraphJson.instant(node, "missing"));
        assertEquals(expected.plusMillis(500), GraphJson.instant(node, "e"));
    }
}
