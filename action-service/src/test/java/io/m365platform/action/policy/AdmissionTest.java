package io.m365platform.action.policy;

import io.m365platform.action.config.ActionConfig;
import io.m365platform.action.connection.KnownConnection;
import io.m365platform.action.store.Failure;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    final Admission admission = new Admission(config(Duration.ofHours(1)), Clock.fixed(NOW, ZoneOffset.UTC));

    static KnownConnection connection(ConnectionMethod method, PermissionLevel level, String... granted) {
        return new KnownConnection("c-1", "tenant-1", "microsoft-365", method, level, ConnectionStatus.CONNECTED,
                "client-1", Set.of(granted), Set.of());
    }

    @Test
    void aReadConnectionIsRefusedWithTheFix() {
        Failure f = admission.check(ActionType.DISABLE_USER, "tenant-1",
                connection(ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ, "User.Read.All")).orElseThrow();
        assertEquals("read-only-connection", f.code());
        assertEquals("Change the connection's permission level to read-write (read and take action) and grant the"
                + " application permission User.EnableDisableAccount.All.", f.fix());
    }

    @Test
    void missingPermissionsAreNamedWithTheLeastPrivilegedOne() {
        Failure f = admission.check(ActionType.ADD_GROUP_MEMBER, "tenant-1", connection(
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ_WRITE, "User.Read.All")).orElseThrow();
        assertEquals("permission-missing", f.code());
        assertTrue(f.fix().startsWith("Add the Microsoft Graph application permission GroupMember.ReadWrite.All to"
                + " app registration client-1"), f.fix());
        assertEquals(Optional.empty(), admission.check(ActionType.ADD_GROUP_MEMBER, "tenant-1", connection(
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ_WRITE, "Group.ReadWrite.All")));
    }

    @Test
    void whatTheMethodCannotDoIsRefusedWithTheCapabilityTablesSentence() {
        Failure f = admission.check(ActionType.RESET_PASSWORD, "tenant-1", connection(
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ_WRITE, "User.ReadWrite.All")).orElseThrow();
        assertEquals("not-supported-by-method", f.code());
        assertTrue(f.fix().contains("connect with the admin-user method"), f.fix());
        assertEquals("not-supported-by-method", admission.check(ActionType.SET_MAIL_FORWARDING, "tenant-1",
                connection(ConnectionMethod.ADMIN_USER, PermissionLevel.READ_WRITE, "MailboxSettings.ReadWrite"))
                .orElseThrow().code());
    }

    @Test
    void theTenantMustMatchTheConnection() {
        assertEquals("tenant-mismatch", admission.check(ActionType.DISABLE_USER, "tenant-2", connection(
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ_WRITE, "User.ReadWrite.All"))
                .orElseThrow().code());
    }

    @Test
    void oldRequestsAreRefused() {
        assertEquals("too-old", admission.tooOld(NOW.minus(Duration.ofMinutes(61))).orElseThrow().code());
        assertEquals(Optional.empty(), admission.tooOld(NOW.minus(Duration.ofMinutes(59))));
    }

    static ActionConfig config(Duration maxAge) {
        return new ActionConfig() {
            @Override
            public Requests requests() {
                return () -> maxAge;
            }

            @Override
            public Worker worker() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Approval approval() {
                return List::of;
            }
        };
    }
}
