package io.m365platform.connection.check;

import io.m365platform.connection.support.Api;
import io.m365platform.connection.support.Guide;
import io.m365platform.connection.support.Sim;
import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.connection.support.TestApp;
import io.m365platform.connection.support.TestApps;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** What the connection test finds beyond the token's permissions: report access and concealed report names. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class ProbesTest {

    private static final String USAGE = "capabilities.find { it.id == 'usage-reports' }";

    @Test
    void concealedReportNamesAreReportedWithTheFix() {
        TestApp app = TestApps.register(Guide.permissions("microsoft-365", "app-registration", "read"), Set.of());
        Sim.concealReportNames(true);
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .then().statusCode(201).body("status", equalTo("connected"))
                .body(USAGE + ".state", equalTo("available"))
                .body(USAGE + ".warning", containsString("concealed user names"))
                .body(USAGE + ".warning", containsString("Microsoft 365 admin center")).extract().path("id");
        Sim.concealReportNames(false);
        try {
            Api.operator().post("/connections/" + id + "/test").then().statusCode(200)
                    .body(USAGE + ".state", equalTo("available")).body(USAGE + ".warning", nullValue());
        } finally {
            Sim.concealReportNames(true);
        }
    }

    @Test
    void anAdminWithoutAReportsRoleIsDeniedAndToldWhichRoleToGet() {
        TestApp app = TestApps.register(Set.of(), Guide.permissions("microsoft-teams", "admin-user", "read"));
        String id = Api.create("microsoft-teams", "admin-user", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .path("id");
        String user = Sim.userWithoutRole();
        Api.signIn(id, user).then().statusCode(200)
                .body("connectedBy", equalTo(user))
                .body("status", equalTo("connected"))
                .body(USAGE + ".state", equalTo("access-denied"))
                .body(USAGE + ".fix", containsString("Reports Reader"))
                .body(USAGE + ".note", containsString("Entra role"))
                .body("lastError.code", equalTo("probe"))
                .body("capabilities.find { it.id == 'sync-teams' }.state", equalTo("available"));
    }
}
