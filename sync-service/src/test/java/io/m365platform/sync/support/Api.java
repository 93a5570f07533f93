package io.m365platform.sync.support;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Set;

/** REST calls as an operator (token from the test OIDC server). */
public final class Api {

    private Api() {
    }

    public static RequestSpecification asOperator() {
        return RestAssured.given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("operator")))
                .contentType(ContentType.JSON);
    }

    public static RequestSpecification withRoles(String... roles) {
        return RestAssured.given().auth().oauth2(OidcWiremockTestResource.getAccessToken("bob", Set.of(roles)))
                .contentType(ContentType.JSON);
    }

    /** Triggers a run through the REST API; returns its id. */
    public static String trigger(String connectionId, String mode) {
        return asOperator().body("{\"mode\":\"" + mode + "\"}")
                .post("/connections/{id}/runs", connectionId)
                .then().statusCode(202).extract().path("run.runId");
    }
}
