package io.m365platform.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.SampleEvents;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every sample event validates against its schema and survives a JSON round trip unchanged. */
class SampleEventsSchemaTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Map<EventType, PlatformEvent> SAMPLES = SampleEvents.all();
    private static final SchemaValidator VALIDATOR = SchemaValidator.shared();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleValidatesAgainstItsSchema(EventType type) {
        JsonNode json = JSON.valueToTree(SAMPLES.get(type));
        List<SchemaViolation> violations = VALIDATOR.validate(type, json);
        assertTrue(violations.isEmpty(), type + " sample: " + violations + "\n" + json.toPrettyString());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleRoundTripsThroughJson(EventType type) throws Exception {
        PlatformEvent sample = SAMPLES.get(type);
        byte[] bytes = JSON.writeValueAsBytes(sample);
        PlatformEvent back = JSON.readValue(bytes, type.dataClass());
        assertEquals(sample, back);
        assertEquals(type, back.eventType());
    }

    @ParameterizedTest
    @EnumSource(ActionType.class)
    void everyActionTypeHasValidParameters(ActionType type) throws Exception {
        ActionRequested request = SampleEvents.actionRequest(type);
        JsonNode json = JSON.valueToTree(request);
        List<SchemaViolation> violations = VALIDATOR.validate(EventType.ACTION_REQUESTED, json);
        assertTrue(violations.isEmpty(), type + ": " + violations + "\n" + json.toPrettyString());
        ActionRequested back = JSON.treeToValue(json, ActionRequested.class);
        assertEquals(request, back);
        assertEquals(type.parametersClass(), back.parameters().getClass());
    }

    @Test
    void timestampsAreIsoStringsAndNullsAreLeftOut() {
        JsonNode json = JSON.valueToTree(SAMPLES.get(EventType.USER_SYNCED));
        assertEquals("2026-03-01T06:04:12.345Z", json.get("observedAt").asText());
        assertEquals("2019-06-10T15:20:31Z", json.path("user").path("createdDateTime").asText());
        assertTrue(json.path("user").path("externalUserState").isMissingNode(), "null fields are omitted");
        JsonNode usage = JSON.valueToTree(SAMPLES.get(EventType.DAILY_APP_USAGE_RECORDED));
        assertEquals("2026-02-26", usage.get("reportDate").asText());
    }

    @Test
    void booleanIsPropertiesKeepTheirGraphNames() {
        JsonNode group = JSON.valueToTree(SAMPLES.get(EventType.GROUP_SYNCED)).get("group");
        assertTrue(group.has("isTeam") && group.has("isAssignableToRole"), group.toString());
        assertTrue(!group.has("team"), group.toString());
    }
}
