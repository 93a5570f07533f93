package io.m365platform.testsupport.service;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service of the platform must answer on its operational endpoints, checked against the running
 * application (real PostgreSQL, real Kafka broker). A service's test extends this with {@code @QuarkusTest}.
 *
 * <p>Kubernetes probes and Prometheus carry no token, so these endpoints must stay open while everything else
 * needs a bearer token.
 */
public abstract class ServiceEndpointsContract {

    /** The service's schema, which Flyway must have created and migrated. */
    protected abstract String schema();

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        JsonPath health = given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).extract().jsonPath();
        List<Map<String, Object>> checks = health.getList("checks");
        List<String> names = checks.stream().map(c -> String.valueOf(c.get("name"))).toList();
        assertTrue(names.stream().anyMatch(n -> n.toLowerCase().contains("database")),
                "readiness must include a database check, had " + names);
        assertTrue(names.stream().anyMatch(n -> n.toLowerCase().contains("kafka")),
                "readiness must include a Kafka check, had " + names);
        checks.forEach(c -> assertEquals("UP", c.get("status"), "check " + c.get("name") + " is not UP: " + c));
    }

    @Test
    void migrationsRanInTheServicesOwnSchema() {
        given().when().get("/q/health/ready").then().statusCode(200);
        assertTrue(FlywayHistory.appliedMigrations(schema()) > 0,
                "Flyway must have applied at least one migration in schema " + schema());
    }

    @Test
    void publishesOpenApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void exposesPrometheusMetrics() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics missing");
        assertTrue(metrics.contains("# TYPE"), "not the Prometheus text format");
    }

    @Test
    void restApiNeedsABearerToken() {
        // Any non-operational path: without a token the answer is 401, never data (404 would reveal nothing either,
        // but an authenticated-by-default API answers 401 before routing).
        int status = RestAssured.given().when().get(protectedPath()).then().extract().statusCode();
        assertEquals(401, status, "GET " + protectedPath() + " without a token");
    }

    /** A REST path of the service that needs a token. */
    protected abstract String protectedPath();

    /** Reads the migration history from the database the service itself is configured with. */
    static final class FlywayHistory {
        static int appliedMigrations(String schema) {
            var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
            String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
            String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
            try (var c = java.sql.DriverManager.getConnection(url, user, password);
                 var s = c.prepareStatement("select count(*) from " + schema + ".flyway_schema_history where success")) {
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            } catch (java.sql.SQLException e) {
                throw new AssertionError("cannot read " + schema + ".flyway_schema_history: " + e.getMessage(), e);
            }
        }
    }
}
