package io.m365platform.connection;

import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.m365platform.testsupport.service.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** Health, readiness, migrations, OpenAPI and metrics, as every platform service must offer them. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class ConnectionServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String schema() {
        return "connection";
    }

    @Override
    protected String protectedPath() {
        return "/connections";
    }

    @Test
    void openApiDocumentsTheApiAndNeverAsksForASecretBack() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/connections"))
                .body("paths", hasKey("/connections/{id}/credentials"))
                .body("paths", hasKey("/internal/connections/{id}/graph-token"))
                .body("components.schemas.Connection.properties", not(hasKey("clientSecret")))
                .body("components.schemas.CreateConnectionRequest.properties.clientSecret.writeOnly",
                        org.hamcrest.Matchers.equalTo(true))
                .body("paths.'/connections'.post.summary", containsString("Connect a tenant"));
    }
}
