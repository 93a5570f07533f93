package io.m365platform.contracts.cloudevents;

import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.SampleEvents;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.schema.SchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaCheckTest {

    @Test
    void sampledChecksTheFirstEventsOfEachTypeThenOneInN() {
        SchemaCheck check = SchemaCheck.sampled(3, 10);
        long checked = IntStream.range(0, 103).filter(i -> check.validateNext(EventType.USER_SYNCED)).count();
        // events 0, 1, 2 (the first three), then 10, 20, ..., 100
        assertEquals(3 + 10, checked);
        assertTrue(check.validateNext(EventType.GROUP_SYNCED), "another type has its own first events");
    }

    @Test
    void everyChecksEverything() {
        SchemaCheck check = SchemaCheck.every();
        assertTrue(IntStream.range(0, 10_000).allMatch(i -> check.validateNext(EventType.USER_SYNCED)));
        assertEquals(SchemaCheck.every(), SchemaCheck.sampled(0, 1));
    }

    @Test
    void settingsAreParsedOrRejectedWithTheAcceptedForms() {
        assertEquals("every", SchemaCheck.parse("every").toString());
        assertEquals("sampled:100:1000", SchemaCheck.parse("sampled").toString());
        assertEquals("sampled:5:50", SchemaCheck.parse(" sampled:5:50 ").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemaCheck.parse("some"));
        assertTrue(e.getMessage().contains("'every', 'sampled' or 'sampled:FIRST:ONE_IN'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SchemaCheck.parse("sampled:x:1"));
        assertThrows(IllegalArgumentException.class, () -> SchemaCheck.sampled(1, 0));
    }

    /** An event not sampled for validation is written exactly as a validated one. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void uncheckedEventsHaveTheSamePayloadAsCheckedOnes(EventType type) {
        PlatformEvent sample = SampleEvents.all().get(type);
        CloudEventWriter checking = new CloudEventWriter("/test", SchemaValidator.shared(), SchemaCheck.every());
        CloudEventWriter unchecked = new CloudEventWriter("/test", SchemaValidator.shared(),
                SchemaCheck.sampled(0, Long.MAX_VALUE));
        unchecked.prepare(sample, "warm-up"); // the sampled writer checks event number 0 of each type
        OutgoingEvent a = checking.prepare(sample, "id-1");
        OutgoingEvent b = unchecked.prepare(sample, "id-1");
        assertArrayEquals(a.payload(), b.payload(), type.type());
        assertEquals(a.headers(), b.headers());
    }

    /** A synced event whose state the producer serialised already is written exactly as one serialised whole. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void preSerialisedStatesGiveTheSamePayload(EventType type) throws Exception {
        PlatformEvent sample = SampleEvents.all().get(type);
        if (!(sample instanceof io.m365platform.contracts.SyncedEntityEvent) || !type.type().endsWith(".synced.v1")) {
            return;
        }
        CloudEventWriter unchecked = new CloudEventWriter("/test", SchemaValidator.shared(),
                SchemaCheck.sampled(0, Long.MAX_VALUE));
        unchecked.prepare(sample, "warm-up");
        byte[] whole = new CloudEventWriter("/test").prepare(sample, "id-1").payload();
        int parts = 0;
        for (var component : sample.getClass().getRecordComponents()) {
            Object value = component.getAccessor().invoke(sample);
            if (value == null || value instanceof String || value instanceof java.time.Instant
                    || value instanceof Enum<?>) {
                continue;
            }
            byte[] json = io.m365platform.contracts.EventJson.mapper().writeValueAsBytes(value);
            OutgoingEvent spliced = unchecked.prepare(sample, "id-1", new PreSerialized(value, json));
            assertArrayEquals(whole, spliced.payload(), type.type() + " with " + component.getName() + " given");
            parts++;
        }
        assertEquals(1, parts, type.type() + ": one state component");
    }

    @Test
    void thePreSerialisedBytesAreWhatIsWritten() {
        UserSynced sample = (UserSynced) SampleEvents.all().get(EventType.USER_SYNCED);
        CloudEventWriter unchecked = new CloudEventWriter("/test", SchemaValidator.shared(),
                SchemaCheck.sampled(0, Long.MAX_VALUE));
        unchecked.prepare(sample, "warm-up");
        byte[] marker = "{\"written\":\"from the given bytes\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String payload = new String(unchecked.prepare(sample, "id", new PreSerialized(sample.user(), marker)).payload(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(payload.endsWith("\"user\":{\"written\":\"from the given bytes\"}}"), payload);
        // a part that is not a component of the event changes nothing
        byte[] plain = unchecked.prepare(sample, "id").payload();
        assertArrayEquals(plain, unchecked.prepare(sample, "id", new PreSerialized("other", marker)).payload());
    }

    @Test
    void aSampledInvalidEventIsStillRefused() {
        UserSynced valid = (UserSynced) SampleEvents.all().get(EventType.USER_SYNCED);
        // a user whose id is not a GUID violates the schema's format, which the record itself does not check
        var user = valid.user();
        var bad = new UserSynced(valid.connectionId(), valid.tenantId(), valid.syncRunId(), valid.observedAt(),
                new io.m365platform.contracts.directory.DirectoryUser("not-a-guid", user.userPrincipalName(),
                        user.displayName(), user.givenName(), user.surname(), user.mail(), user.mailNickname(),
                        user.jobTitle(), user.department(), user.companyName(), user.officeLocation(),
                        user.employeeId(), user.employeeType(), user.city(), user.country(), user.mobilePhone(),
                        user.businessPhones(), user.preferredLanguage(), user.accountEnabled(), user.userType(),
                        user.createdDateTime(), user.lastPasswordChangeDateTime(), user.usageLocation(),
                        user.managerId(), user.assignedLicenses(), user.signInActivity(), user.externalUserState(),
                        user.externalUserStateChangeDateTime(), user.onPremisesSyncEnabled()));
        CloudEventWriter sampled = new CloudEventWriter("/test", SchemaValidator.shared(), SchemaCheck.sampled(1, 2));
        assertThrows(InvalidEventException.class, () -> sampled.prepare(bad, "e0"), "the first event is checked");
        sampled.prepare(bad, "e1"); // event 1: not sampled
        assertThrows(InvalidEventException.class, () -> sampled.prepare(bad, "e2"), "one in two is checked");
        assertFalse(SchemaCheck.sampled(0, 3).toString().isEmpty());
    }
}
