package io.m365platform.contracts;

import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.SendBotMessageParameters;
import io.m365platform.contracts.action.parameters.UpdateUserParameters;
import io.m365platform.contracts.action.parameters.UserTarget;
import io.m365platform.contracts.apps.ExternalApp;
import io.m365platform.contracts.apps.ExternalAppSynced;
import io.m365platform.contracts.directory.GroupKind;
import io.m365platform.contracts.usage.DailyAppUsage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules the records enforce and derived values they compute. */
class RecordRulesTest {

    /** Field names that look like secrets but only carry metadata. */
    private static final Set<String> ALLOWED = Set.of("secretExpiresAt", "previousSecretExpiresAt",
            "forceChangePasswordNextSignIn", "lastPasswordChangeDateTime");

    @Test
    void noEventCarriesASecret() {
        List<String> suspicious = new ArrayList<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (EventType type : EventType.values()) {
            todo.add(type.dataClass());
        }
        for (ActionType type : ActionType.values()) {
            todo.add(type.parametersClass());
        }
        while (!todo.isEmpty()) {
            Class<?> record = todo.pop();
            if (!seen.add(record)) {
                continue;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                String name = component.getName().toLowerCase(Locale.ROOT);
                if (!ALLOWED.contains(component.getName()) && (name.contains("secret") || name.contains("password")
                        || name.contains("token") || name.contains("credential") || name.contains("privatekey"))) {
                    suspicious.add(record.getSimpleName() + "." + component.getName());
                }
                for (Class<?> nested : nestedRecords(component.getGenericType())) {
                    todo.add(nested);
                }
            }
        }
        assertTrue(suspicious.isEmpty(), "fields that look like secrets: " + suspicious);
        assertTrue(seen.size() > 60, "walked " + seen.size() + " records");
    }

    private static List<Class<?>> nestedRecords(Type type) {
        List<Class<?>> found = new ArrayList<>();
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                found.addAll(nestedRecords(argument));
            }
        } else if (type instanceof Class<?> c && c.isRecord()) {
            found.add(c);
        }
        return found;
    }

    @Test
    void groupKindFollowsGraphFlags() {
        assertEquals(GroupKind.MICROSOFT365, GroupKind.classify(List.of("Unified"), true, false));
        assertEquals(GroupKind.DYNAMIC, GroupKind.classify(List.of("Unified", "DynamicMembership"), true, false));
        assertEquals(GroupKind.DISTRIBUTION, GroupKind.classify(List.of(), true, false));
        assertEquals(GroupKind.SECURITY, GroupKind.classify(List.of(), true, true));
        assertEquals(GroupKind.SECURITY, GroupKind.classify(null, false, true));
    }

    @Test
    void externalAppDerivesConsentSummary() {
        ExternalApp app = ((ExternalAppSynced) SampleEvents.all().get(EventType.EXTERNAL_APP_SYNCED)).app();
        assertTrue(app.adminConsented());
        assertEquals(1, app.consentedUserCount());
    }

    @Test
    void concealedReportNamesAreRecognised() {
        assertTrue(DailyAppUsage.isConcealedName("FE7CC8C15246EDCCA289C9A4022762F7"));
        assertFalse(DailyAppUsage.isConcealedName("AdeleV@contoso.com"));
        assertEquals("fe7cc8c15246edcca289c9a4022762f7",
                DailyAppUsage.userKey(null, "FE7CC8C15246EDCCA289C9A4022762F7"));
        assertEquals(SampleEvents.ADELE, DailyAppUsage.userKey(SampleEvents.ADELE, "AdeleV@contoso.com"));
    }

    @Test
    void actionRequestKeysByTargetAndChecksParameterType() {
        ActionRequested disable = SampleEvents.actionRequest(ActionType.DISABLE_USER);
        assertEquals(SampleEvents.CONNECTION + "/" + SampleEvents.ALEX, disable.kafkaKey());
        ActionRequested create = SampleEvents.actionRequest(ActionType.CREATE_USER);
        assertEquals(SampleEvents.CONNECTION + "/act-create-user", create.kafkaKey());
        assertThrows(IllegalArgumentException.class, () -> new ActionRequested("a", "c", "t",
                ActionType.ASSIGN_LICENSE, new UserTarget("u"), "me", null, null, SampleEvents.NOW));
        assertEquals(SampleEvents.ALEX, disable.parameters(UserTarget.class).userId());
    }

    @Test
    void parameterRecordsRejectImpossibleRequests() {
        assertThrows(IllegalArgumentException.class, () -> new UpdateUserParameters("u", null, null, null, null,
                null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SendBotMessageParameters("u", "t", "c",
                SendBotMessageParameters.ContentType.TEXT, "hi"));
        assertThrows(IllegalArgumentException.class, () -> new SendBotMessageParameters(null, "t", null,
                SendBotMessageParameters.ContentType.TEXT, "hi"));
    }
}
