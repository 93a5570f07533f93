package io.m365platform.contracts.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.SampleEvents;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.schema.SchemaViolation;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed input is rejected with a reason that says what is wrong; valid input is accepted. */
class CloudEventReaderTest {

    private final CloudEventWriter writer = new CloudEventWriter("/m365platform/test");
    private final CloudEventReader reader = new CloudEventReader();
    private final PlatformEvent user = SampleEvents.all().get(EventType.USER_SYNCED);

    private ReadResult read(OutgoingEvent out, Consumer<Headers> changeHeaders, byte[] value) {
        Headers headers = out.kafkaHeaders();
        changeHeaders.accept(headers);
        return reader.read(out.topic(), out.key(), headers, value);
    }

    private Rejection rejected(ReadResult result) {
        return assertInstanceOf(ReadResult.Rejected.class, result, "expected a rejection").rejection();
    }

    /** The sample user event with one change to its JSON. */
    private byte[] userJsonWith(Consumer<ObjectNode> change) {
        ObjectNode json = EventJson.mapper().valueToTree(user);
        change.accept(json);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsWhatTheWriterWrites() {
        OutgoingEvent out = writer.prepare(user);
        ReadResult.Accepted accepted = assertInstanceOf(ReadResult.Accepted.class,
                reader.read(out.topic(), out.key(), out.kafkaHeaders(), out.payload()));
        EventEnvelope envelope = accepted.envelope();
        assertEquals(user, envelope.data());
        assertEquals(EventType.USER_SYNCED, envelope.type());
        assertEquals(out.id(), envelope.id());
        assertEquals("/m365platform/test", envelope.source());
        assertEquals(user.eventTime(), envelope.time());
        assertEquals(SampleEvents.TENANT, envelope.tenantId());
        assertEquals(SampleEvents.CONNECTION, envelope.connectionId());
        assertEquals(SampleEvents.ADELE, envelope.dataAs(UserSynced.class).user().id());
    }

    @Test
    void nullValueIsATombstone() {
        ReadResult result = reader.read("m365.directory.users", "c/u", null, null);
        assertEquals(new ReadResult.Tombstone("m365.directory.users", "c/u"), result);
    }

    @Test
    void missingTypeHeaderIsRejected() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(read(out, h -> h.remove(CloudEventHeaders.TYPE), out.payload()));
        assertEquals(RejectionReason.MISSING_ATTRIBUTE, rejection.reason());
        assertTrue(rejection.message().contains("ce_type"), rejection.describe());
    }

    @Test
    void recordWithoutAnyCloudEventsHeaderIsRejected() {
        Rejection rejection = rejected(reader.read("m365.directory.users", "k", null, "{}".getBytes()));
        assertEquals(RejectionReason.MISSING_ATTRIBUTE, rejection.reason());
        assertTrue(rejection.message().contains("ce_specversion, ce_id, ce_source, ce_type"), rejection.describe());
    }

    @Test
    void unknownTypeIsRejected() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(read(out, h -> {
            h.remove(CloudEventHeaders.TYPE);
            h.add(CloudEventHeaders.TYPE, "io.m365platform.directory.user.synced.v2".getBytes());
        }, out.payload()));
        assertEquals(RejectionReason.UNKNOWN_TYPE, rejection.reason());
        assertEquals("io.m365platform.directory.user.synced.v2", rejection.ceType());
        assertTrue(rejection.describe().contains("not a registered event type"), rejection.describe());
    }

    @Test
    void otherSpecVersionIsRejected() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(read(out, h -> {
            h.remove(CloudEventHeaders.SPEC_VERSION);
            h.add(CloudEventHeaders.SPEC_VERSION, "0.3".getBytes());
        }, out.payload()));
        assertEquals(RejectionReason.UNSUPPORTED_SPEC_VERSION, rejection.reason());
    }

    @Test
    void typeOnTheWrongTopicIsRejected() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(reader.read("m365.directory.groups", out.key(), out.kafkaHeaders(),
                out.payload()));
        assertEquals(RejectionReason.WRONG_TOPIC, rejection.reason());
        assertTrue(rejection.message().contains("m365.directory.users"), rejection.describe());
    }

    @Test
    void nonJsonContentTypeIsRejected() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(read(out, h -> {
            h.remove(CloudEventHeaders.CONTENT_TYPE);
            h.add(CloudEventHeaders.CONTENT_TYPE, "application/avro".getBytes());
        }, out.payload()));
        assertEquals(RejectionReason.UNSUPPORTED_CONTENT_TYPE, rejection.reason());
    }

    @Test
    void jsonContentTypeWithCharsetIsAccepted() {
        OutgoingEvent out = writer.prepare(user);
        assertInstanceOf(ReadResult.Accepted.class, read(out, h -> {
            h.remove(CloudEventHeaders.CONTENT_TYPE);
            h.add(CloudEventHeaders.CONTENT_TYPE, "application/json; charset=utf-8".getBytes());
        }, out.payload()));
    }

    @Test
    void badTimeHeaderIsRejected() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(read(out, h -> {
            h.remove(CloudEventHeaders.TIME);
            h.add(CloudEventHeaders.TIME, "yesterday".getBytes());
        }, out.payload()));
        assertEquals(RejectionReason.INVALID_ATTRIBUTE, rejection.reason());
    }

    @Test
    void malformedJsonIsRejected() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(read(out, h -> { }, "{\"connectionId\": ".getBytes()));
        assertEquals(RejectionReason.MALFORMED_JSON, rejection.reason());
        Rejection notAnObject = rejected(read(out, h -> { }, "[1, 2]".getBytes()));
        assertEquals(RejectionReason.MALFORMED_JSON, notAnObject.reason());
    }

    @Test
    void missingRequiredFieldIsASchemaViolationNamingTheField() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(read(out, h -> { },
                userJsonWith(json -> ((ObjectNode) json.get("user")).remove("userPrincipalName"))));
        assertEquals(RejectionReason.SCHEMA_VIOLATION, rejection.reason());
        SchemaViolation violation = rejection.violations().get(0);
        assertEquals("/user", violation.path());
        assertEquals("required", violation.keyword());
        assertTrue(violation.message().contains("userPrincipalName"), rejection.describe());
    }

    @Test
    void wrongTypesFormatsAndEnumsAreSchemaViolations() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(read(out, h -> { }, userJsonWith(json -> {
            ObjectNode state = (ObjectNode) json.get("user");
            state.put("accountEnabled", "yes");
            state.put("createdDateTime", "10/06/2019");
            state.put("managerId", "not-a-guid");
        })));
        assertEquals(RejectionReason.SCHEMA_VIOLATION, rejection.reason());
        String description = rejection.describe();
        assertTrue(description.contains("/user/accountEnabled"), description);
        assertTrue(description.contains("/user/createdDateTime"), description);
        assertTrue(description.contains("/user/managerId"), description);
        OutgoingEvent deleted = writer.prepare(SampleEvents.all().get(EventType.USER_DELETED));
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.all().get(EventType.USER_DELETED));
        json.put("reason", "vanished");
        Rejection badEnum = rejected(reader.read(deleted.topic(), deleted.key(), deleted.kafkaHeaders(),
                json.toString().getBytes()));
        assertTrue(badEnum.describe().contains("/reason"), badEnum.describe());
    }

    @Test
    void unknownOptionalFieldsAreTolerated() {
        OutgoingEvent out = writer.prepare(user);
        ReadResult result = read(out, h -> { }, userJsonWith(json -> {
            json.put("addedInALaterVersion", 7);
            ((ObjectNode) json.get("user")).put("preferredName", "Dell");
        }));
        assertEquals(user, assertInstanceOf(ReadResult.Accepted.class, result).envelope().data());
    }

    @Test
    void actionParametersThatDoNotFitTheTypeAreRejected() {
        PlatformEvent request = SampleEvents.actionRequest(ActionType.ASSIGN_LICENSE);
        OutgoingEvent out = writer.prepare(request);
        ObjectNode json = EventJson.mapper().valueToTree(request);
        ((ObjectNode) json.get("parameters")).remove("skuId");
        Rejection rejection = rejected(reader.read(out.topic(), out.key(), out.kafkaHeaders(),
                json.toString().getBytes()));
        assertEquals(RejectionReason.SCHEMA_VIOLATION, rejection.reason());
        assertTrue(rejection.describe().contains("/parameters") && rejection.describe().contains("skuId"),
                rejection.describe());
    }

    @Test
    void botMessageToBothAUserAndAChannelIsRejected() {
        PlatformEvent request = SampleEvents.actionRequest(ActionType.SEND_BOT_MESSAGE);
        OutgoingEvent out = writer.prepare(request);
        ObjectNode json = EventJson.mapper().valueToTree(request);
        ((ObjectNode) json.get("parameters")).put("userId", SampleEvents.ADELE);
        Rejection rejection = rejected(reader.read(out.topic(), out.key(), out.kafkaHeaders(),
                json.toString().getBytes()));
        assertEquals(RejectionReason.SCHEMA_VIOLATION, rejection.reason(), rejection.describe());
    }

    @Test
    void ruleTheSchemaCannotExpressIsInvalidData() {
        PlatformEvent request = SampleEvents.actionRequest(ActionType.SET_MANAGER);
        OutgoingEvent out = writer.prepare(request);
        ObjectNode json = EventJson.mapper().valueToTree(request);
        ((ObjectNode) json.get("parameters")).put("managerId", SampleEvents.ALEX); // the user themself
        Rejection rejection = rejected(reader.read(out.topic(), out.key(), out.kafkaHeaders(),
                json.toString().getBytes()));
        assertEquals(RejectionReason.INVALID_DATA, rejection.reason());
        assertTrue(rejection.message().contains("own manager"), rejection.describe());
    }

    @Test
    void headersThatDisagreeWithTheDataAreRejected() {
        OutgoingEvent out = writer.prepare(user);
        Rejection rejection = rejected(read(out, h -> {
            h.remove(CloudEventHeaders.CONNECTION_ID);
            h.add(CloudEventHeaders.CONNECTION_ID, "another-connection".getBytes());
        }, out.payload()));
        assertEquals(RejectionReason.ATTRIBUTE_MISMATCH, rejection.reason());
    }

    @Test
    void writerRefusesToPublishAnEventThatBreaksItsSchema() {
        // the record's constructor allows any string; the schema requires a GUID for Graph object ids
        var badUser = new UserSynced(SampleEvents.CONNECTION, SampleEvents.TENANT, SampleEvents.RUN, SampleEvents.NOW,
                new io.m365platform.contracts.directory.DirectoryUser("user-1", "a@contoso.com", null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null));
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> writer.prepare(badUser));
        assertEquals("/user/id", e.violations().get(0).path());
    }

    @Test
    void writerSetsEveryHeader() {
        OutgoingEvent out = writer.prepare(user, "evt-1");
        assertEquals("1.0", out.headers().get(CloudEventHeaders.SPEC_VERSION));
        assertEquals("evt-1", out.headers().get(CloudEventHeaders.ID));
        assertEquals("io.m365platform.directory.user.synced.v1", out.headers().get(CloudEventHeaders.TYPE));
        assertEquals("2026-03-01T06:04:12.345Z", out.headers().get(CloudEventHeaders.TIME));
        assertEquals(user.kafkaKey(), out.headers().get(CloudEventHeaders.SUBJECT));
        assertEquals("https://m365platform.io/schemas/directory/user.synced.v1.json",
                out.headers().get(CloudEventHeaders.DATA_SCHEMA));
        assertEquals("application/json", out.headers().get(CloudEventHeaders.CONTENT_TYPE));
        assertEquals(SampleEvents.TENANT, out.headers().get(CloudEventHeaders.TENANT_ID));
        assertEquals(SampleEvents.CONNECTION, out.headers().get(CloudEventHeaders.CONNECTION_ID));
        assertEquals("m365.directory.users", out.topic());
        JsonNode payload = EventJson.mapper().valueToTree(user);
        assertEquals(payload.toString(), new String(out.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void deletionIsTheDeletedEventThenATombstone() {
        PlatformEvent deleted = SampleEvents.all().get(EventType.USER_DELETED);
        var records = writer.deletion(deleted);
        assertEquals(2, records.size());
        assertEquals(deleted.kafkaKey(), records.get(0).key());
        assertEquals(deleted.kafkaKey(), records.get(1).key());
        assertEquals(null, records.get(1).value());
        assertEquals("m365.directory.users", records.get(1).topic());
    }
}
