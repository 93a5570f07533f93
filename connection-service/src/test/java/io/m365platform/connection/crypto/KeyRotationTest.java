package io.m365platform.connection.crypto;

import io.m365platform.connection.support.Api;
import io.m365platform.connection.support.Beans;
import io.m365platform.connection.support.Guide;
import io.m365platform.connection.support.Sim;
import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.connection.support.TestApp;
import io.m365platform.connection.support.TestApps;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key rotation of the credential encryption: the service runs with a keyset whose primary key is new; credentials
 * sealed with the old key still work, and the re-encryption job moves them onto the new key.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class KeyRotationTest {

    @Test
    void oldKeysStillDecryptAndTheJobMovesEverythingToTheNewKey() {
        assertEquals(2, Beans.keyCount(), "the service's keyset: the old key and the new primary");
        TestApp app = TestApps.register(Guide.permissions("microsoft-365", "app-registration", "read"), Set.of());
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .then().statusCode(201).extract().path("id");
        assertEquals(Beans.primaryKeyId(), Beans.clientSecretKeyId(id), "new secrets use the primary key");

        // As if the secret had been stored before the key rotation.
        long oldKey = Beans.sealWithOldKey(id, app.secret());
        assertNotEquals(Beans.primaryKeyId(), oldKey);
        assertEquals(oldKey, Beans.clientSecretKeyId(id));
        Beans.forgetCachedTokens(app.clientId());
        Api.operator().post("/connections/" + id + "/test").then().statusCode(200).body("status", equalTo("connected"));

        JsonPath result = Api.kept(Api.admin().post("/admin/credentials/re-encrypt")).then().statusCode(200)
                .body("failed", equalTo(0)).extract().jsonPath();
        assertTrue(result.getInt("reEncrypted") >= 1, result.prettify());
        assertEquals(Beans.primaryKeyId(), result.getLong("primaryKeyId"));
        Map<String, Integer> byKey = result.getMap("credentialsByKey");
        assertEquals(Set.of(String.valueOf(Beans.primaryKeyId())), byKey.keySet(), "nothing left on the old key");

        assertEquals(Beans.primaryKeyId(), Beans.clientSecretKeyId(id));
        assertFalse(Beans.oldKeysetOpensClientSecret(id), "re-sealed with the new key, which the old keyset lacks");
        assertEquals(app.secret(), Beans.openClientSecret(id));
        Beans.forgetCachedTokens(app.clientId());
        Api.operator().post("/connections/" + id + "/test").then().statusCode(200).body("status", equalTo("connected"));
        Api.admin().post("/admin/credentials/re-encrypt").then().statusCode(200).body("reEncrypted", equalTo(0));
    }
}
