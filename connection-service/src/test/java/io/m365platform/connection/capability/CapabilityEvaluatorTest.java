package io.m365platform.connection.capability;

import io.m365platform.connection.support.ExpectedTables;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilityEvaluatorTest {

    private static final String CLIENT = "8a1f3c52-4c4e-4a0e-9b1e-2f6d5c7b9e01";

    private final CapabilityCatalogue catalogue = CapabilityCatalogue.load();
    private final CapabilityEvaluator evaluator = new CapabilityEvaluator(catalogue);

    @Test
    void everyProductMethodAndLevelGivesTheExactTableWhenTheGuideListIsGranted() {
        Map<String, List<ExpectedTables.Row>> expected = ExpectedTables.load();
        assertEquals(8, expected.size(), "2 products x 2 methods x 2 levels");
        for (Product product : Product.values()) {
            for (ConnectionMethod method : ConnectionMethod.values()) {
                for (PermissionLevel level : PermissionLevel.values()) {
                    String key = product.wireName() + " " + method.wireName() + " " + level.wireName();
                    Set<String> granted = new HashSet<>(catalogue.product(product)
                            .permissionsFor(PermissionKind.of(method), level));
                    CapabilityTable table = evaluator.evaluate(product, method, level, granted, Map.of(), CLIENT);
                    assertEquals(ExpectedTables.describeExpected(expected.get(key)),
                            ExpectedTables.describe(table.rows()), key);
                    assertEquals(List.of(), table.missingPermissions(), key + ": the guide list misses nothing");
                }
            }
        }
    }

    @Test
    void aMissingPermissionIsNamedExactlyWithAOneSentenceFix() {
        Set<String> granted = new HashSet<>(catalogue.product(Product.MICROSOFT_365)
                .permissionsFor(PermissionKind.APPLICATION, PermissionLevel.READ_WRITE));
        granted.remove("MailboxSettings.ReadWrite");
        CapabilityTable table = evaluator.evaluate(Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ_WRITE, granted, Map.of(), CLIENT);
        CapabilityRow forwarding = table.row("mail-forwarding");
        assertEquals(CapabilityState.MISSING_PERMISSIONS, forwarding.state());
        assertEquals(List.of("MailboxSettings.ReadWrite"), forwarding.missingPermissions());
        assertEquals("Add the Microsoft Graph application permission MailboxSettings.ReadWrite to app registration "
                + CLIENT + " in Microsoft Entra ID and grant admin consent, then test the connection.", forwarding.fix());
        assertEquals(CapabilityState.MISSING_PERMISSIONS, table.row("automatic-replies").state());
        assertEquals(List.of("MailboxSettings.ReadWrite"), table.missingPermissions());
        assertEquals(CapabilityState.AVAILABLE, table.row("calendars-and-delegations").state());
    }

    @Test
    void mailItemPermissionDoesNotCountForInboxRules() {
        // GRAPH_FACTS section 8: message rules need MailboxSettings.ReadWrite, not Mail.ReadWrite.
        CapabilityTable table = evaluator.evaluate(Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ_WRITE, Set.of("User.Read.All", "Mail.ReadWrite"), Map.of(), CLIENT);
        assertEquals(List.of("MailboxSettings.ReadWrite"), table.row("mail-forwarding").missingPermissions());
    }

    @Test
    void aHigherPermissionSatisfiesTheLeastPrivilegedOne() {
        CapabilityTable table = evaluator.evaluate(Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ_WRITE, Set.of("Directory.ReadWrite.All"), Map.of(), CLIENT);
        for (String id : List.of("sync-users", "sync-groups", "sync-directory-roles", "sync-external-apps",
                "create-user", "enable-user", "revoke-sessions", "group-membership", "assign-licenses")) {
            assertEquals(CapabilityState.AVAILABLE, table.row(id).state(), id);
        }
        assertEquals(List.of("Reports.Read.All"), table.row("usage-reports").missingPermissions());
    }

    @Test
    void severalMissingClausesAreAllNamed() {
        CapabilityTable table = evaluator.evaluate(Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ, Set.of("Reports.Read.All"), Map.of(), CLIENT);
        CapabilityRow licenses = table.row("sync-licenses");
        assertEquals(List.of("Organization.Read.All", "User.Read.All"), licenses.missingPermissions());
        assertEquals("Add the Microsoft Graph application permissions Organization.Read.All and User.Read.All to app"
                + " registration " + CLIENT + " in Microsoft Entra ID and grant admin consent, then test the connection.",
                licenses.fix());
    }

    @Test
    void readLevelActionsSayToRaiseTheLevelAndWhatToGrant() {
        CapabilityTable table = evaluator.evaluate(Product.MICROSOFT_TEAMS, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ, Set.of("TeamMember.ReadWrite.All"), Map.of(), CLIENT);
        CapabilityRow row = table.row("team-membership");
        assertEquals(CapabilityState.NEEDS_READ_WRITE_LEVEL, row.state());
        assertEquals(List.of(), row.missingPermissions());
        assertEquals("Change the connection's permission level to read-write (read and take action).", row.fix());
        CapabilityTable none = evaluator.evaluate(Product.MICROSOFT_TEAMS, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ, Set.of(), Map.of(), CLIENT);
        assertEquals("Change the connection's permission level to read-write (read and take action) and grant the"
                + " application permission TeamMember.ReadWrite.All.", none.row("team-membership").fix());
        assertTrue(none.missingPermissions().containsAll(List.of("User.Read.All", "Reports.Read.All")));
        assertTrue(!none.missingPermissions().contains("TeamMember.ReadWrite.All"),
                "a read connection is not missing write permissions");
    }

    @Test
    void methodLimitsComeFromTheCatalogueWithTheirFix() {
        CapabilityTable app = evaluator.evaluate(Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ_WRITE, Set.of("UserAuthenticationMethod.ReadWrite.All", "Mail.Send"), Map.of(), CLIENT);
        assertEquals(CapabilityState.NOT_SUPPORTED_BY_METHOD, app.row("reset-password").state());
        assertTrue(app.row("reset-password").fix().contains("admin-user method"));
        assertEquals(CapabilityState.NOT_SUPPORTED_BY_METHOD, app.row("send-as-user").state());
        CapabilityTable delegated = evaluator.evaluate(Product.MICROSOFT_TEAMS, ConnectionMethod.ADMIN_USER,
                PermissionLevel.READ_WRITE, Set.of(), Map.of(), CLIENT);
        assertEquals(List.of("ChannelMessage.Send"), delegated.row("channel-messages").missingPermissions());
        assertTrue(delegated.row("channel-messages").fix().contains("delegated permission ChannelMessage.Send"));
        assertTrue(delegated.row("channel-messages").fix().contains("sign in again"));
    }

    @Test
    void probesRefineAvailableRows() {
        Set<String> granted = Set.of("Reports.Read.All");
        CapabilityTable concealed = evaluator.evaluate(Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ, granted, Map.of("usage-report", ProbeOutcome.CONCEALED), CLIENT);
        assertEquals(CapabilityState.AVAILABLE, concealed.row("usage-reports").state());
        assertNotNull(concealed.row("usage-reports").warning());
        assertTrue(concealed.row("usage-reports").warning().contains("concealed"));
        CapabilityTable denied = evaluator.evaluate(Product.MICROSOFT_365, ConnectionMethod.ADMIN_USER,
                PermissionLevel.READ, granted, Map.of("usage-report", ProbeOutcome.DENIED), CLIENT);
        assertEquals(CapabilityState.ACCESS_DENIED, denied.row("usage-reports").state());
        assertTrue(denied.row("usage-reports").fix().contains("Reports Reader"));
        assertNotNull(denied.row("usage-reports").note(), "the admin-role condition is noted");
        CapabilityTable accessible = evaluator.evaluate(Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ, granted, Map.of("usage-report", ProbeOutcome.ACCESSIBLE), CLIENT);
        assertNull(accessible.row("usage-reports").warning());
        assertNull(accessible.row("usage-reports").fix());
    }

    @Test
    void missingPermissionsWinOverAProbeResult() {
        CapabilityTable table = evaluator.evaluate(Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ, Set.of(), Map.of("usage-report", ProbeOutcome.ACCESSIBLE), CLIENT);
        assertEquals(CapabilityState.MISSING_PERMISSIONS, table.row("usage-reports").state());
    }
}
