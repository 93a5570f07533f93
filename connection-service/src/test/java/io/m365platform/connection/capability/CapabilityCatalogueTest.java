package io.m365platform.connection.capability;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilityCatalogueTest {

    private final CapabilityCatalogue catalogue = CapabilityCatalogue.load();

    @Test
    void listsEveryCapabilityTheSetupGuidesName() {
        Set<String> ids = catalogue.capabilities().stream().map(CapabilityDefinition::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(List.of("sync-users", "sync-licenses", "sync-groups", "sync-directory-roles",
                "usage-reports", "sync-teams", "sync-channels", "sync-team-members", "sync-installed-apps",
                "sync-external-apps", "create-user", "update-user", "delete-user", "enable-user", "disable-user",
                "set-manager", "change-user-type", "revoke-sessions", "group-membership", "team-membership",
                "mail-forwarding", "automatic-replies", "calendars-and-delegations", "onedrive-transfer",
                "assign-licenses", "channel-messages", "reset-password", "send-as-user")), ids.toString());
    }

    @Test
    void workflowActionsNeedTheReadWriteLevelAndSyncsRead() {
        for (CapabilityDefinition c : catalogue.capabilities()) {
            PermissionLevel expected = c.kind() == CapabilityKind.WORKFLOW_ACTION ? PermissionLevel.READ_WRITE
                    : PermissionLevel.READ;
            assertEquals(expected, c.level(), c.id());
        }
    }

    @Test
    void theGuideListsNameOnlyPermissionsSomeCapabilityUses() {
        for (Product p : Product.values()) {
            for (PermissionKind kind : PermissionKind.values()) {
                Set<String> used = catalogue.capabilitiesOf(p).stream()
                        .flatMap(c -> c.requirement(kind).clauses().stream()).flatMap(List::stream)
                        .collect(Collectors.toSet());
                for (String permission : catalogue.product(p).permissionsFor(kind, PermissionLevel.READ_WRITE)) {
                    assertTrue(used.contains(permission), p + " " + kind + ": " + permission + " serves no capability");
                }
            }
        }
    }

    @Test
    void aBrokenCatalogueIsRejected() throws Exception {
        String json = "{\"products\":{},\"capabilities\":[]}";
        assertThrows(IllegalStateException.class, () -> CapabilityCatalogue.parse(new ObjectMapper().readTree(json)));
    }
}
