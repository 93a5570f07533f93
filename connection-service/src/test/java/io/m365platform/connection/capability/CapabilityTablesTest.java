package io.m365platform.connection.capability;

import io.m365platform.connection.support.Api;
import io.m365platform.connection.support.ExpectedTables;
import io.m365platform.connection.support.Guide;
import io.m365platform.connection.support.Sim;
import io.m365platform.connection.support.TestApp;
import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.connection.support.TestApps;
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

    @Test
    void everyCombinationGetsItsExactTable() {
        Map<String, List<ExpectedTables.Row>> expected = ExpectedTables.load();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, List<ExpectedTables.Row>> table : expected.entrySet()) {
            String[] key = table.getKey().split(" ");
            boolean appRegistration = key[1].equals("app-registration");
            Set<String> permissions = Guide.permissions(key[0], key[1], key[2]);
            TestApp app = appRegistration ? TestApps.register(permissions, Set.of()) : TestApps.register(Set.of(), permissions);
            Response created = Api.create(key[0], key[1], app.tenantId(), app.clientId(), app.secret(), key[2]);
            assertEquals(201, created.statusCode(), created.asString());
            JsonPath connection = created.jsonPath();
            if (!appRegistration) {
                assertEquals("pending", connection.getString("status"));
                Response signedIn = Api.signIn(connection.getString("id"));
                assertEquals(200, signedIn.statusCode(), signedIn.asString());
                connection = signedIn.jsonPath();
                assertEquals(Sim.adminUpn(), connection.getString("connectedBy"));
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
