package io.m365platform.connection.component;

import io.m365platform.connection.capability.CapabilityCatalogue;
import io.m365platform.connection.capability.PermissionKind;
import io.m365platform.connection.domain.WireNames;
import io.m365platform.connection.support.Api;
import io.m365platform.connection.support.ExpectedTables;
import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.connection.support.TestApps;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Both products x both methods x both levels against the simulator: an app registration granted exactly the setup
 * guide's permission list gives exactly the hand-written capability table, through the real token flows
 * (client credentials; authorization code + PKCE + refresh token).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class CapabilityTablesTest {

    private final CapabilityCatalogue catalogue = CapabilityCatalogue.load();

    @Test
    void everyCombinationGetsItsExactTable() {
        Map<String, List<ExpectedTables.Row>> expected = ExpectedTables.load();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, List<ExpectedTables.Row>> table : expected.entrySet()) {
            String[] key = table.getKey().split(" ");
            ConnectionMethod method = WireNames.method(key[1]);
            PermissionLevel level = WireNames.level(key[2]);
            Set<String> permissions = Set.copyOf(catalogue.product(WireNames.product(key[0]))
                    .permissionsFor(PermissionKind.of(method), level));
            AppOperations.RegisteredApp app = method == ConnectionMethod.APP_REGISTRATION
                    ? TestApps.register(permissions, Set.of()) : TestApps.register(Set.of(), permissions);
            Response created = Api.create(key[0], key[1], app.tenantId(), app.clientId(), app.secret(), key[2]);
            assertEquals(201, created.statusCode(), created.asString());
            JsonPath connection = created.jsonPath();
            if (method == ConnectionMethod.ADMIN_USER) {
                assertEquals("pending", connection.getString("status"));
                Response signedIn = Api.signIn(connection.getString("id"));
                assertEquals(200, signedIn.statusCode(), signedIn.asString());
                connection = signedIn.jsonPath();
                assertEquals(SimulatorResource.tenant().read(() -> SimulatorResource.tenant().users()
                        .get(SimulatorResource.tenant().adminUserId()).userPrincipalName()),
                        connection.getString("connectedBy"));
            }
            assertEquals("connected", connection.getString("status"), table.getKey() + ": " + connection.prettify());
            assertEquals(List.of(), connection.getList("missingPermissions"));
            assertEquals(permissions, Set.copyOf(connection.getList("grantedPermissions", String.class)), table.getKey());
            List<String> actual = connection.getList("capabilities", Map.class).stream()
                    .map(r -> new ExpectedTables.Row((String) r.get("id"), (String) r.get("state"),
                            castList(r.get("missingPermissions"))).toString())
                    .toList();
            if (!ExpectedTables.describeExpected(table.getValue()).equals(actual)) {
                mismatches.add(table.getKey() + "\n  expected " + ExpectedTables.describeExpected(table.getValue())
                        + "\n  actual   " + actual);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
