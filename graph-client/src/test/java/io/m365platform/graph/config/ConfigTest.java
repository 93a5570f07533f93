package io.m365platform.graph.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.graph.testsupport.TestTls;
import io.m365platform.graph.token.InstanceDiscoveryMetadata;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @Test
    void tenantIdAcceptsGuidsAndDomainsOnly() {
        assertEquals("11111111-2222-3333-4444-555555555555", TenantId.of(" 11111111-2222-3333-4444-555555555555 ").value());
        assertEquals("contoso.onmicrosoft.com", TenantId.of("Contoso.OnMicrosoft.com").value());
        assertTrue(TenantId.of("11111111-2222-3333-4444-555555555555").isGuid());
        for (String bad : new String[] {"", "common", "organizations", "contoso", "a/b.com", "x.com/../y", "a.com?x", "1"}) {
            assertThrows(IllegalArgumentException.class, () -> TenantId.of(bad), bad);
        }
    }

    @Test
    void endpointsValidateAndDerive() {
        GraphEndpoints ms = GraphEndpoints.microsoftCloud();
        assertTrue(ms.isMicrosoftLogin());
        assertEquals("graph.microsoft.com", ms.graphHost());
        assertEquals("https://login.microsoftonline.com/contoso.com/", ms.authorityFor("contoso.com"));

        GraphEndpoints sim = new GraphEndpoints(URI.create("https://127.0.0.1:8443/"), URI.create("https://127.0.0.1:8443/v1.0/"),
                Optional.empty(), Timeouts.DEFAULT);
        assertFalse(sim.isMicrosoftLogin());
        assertEquals("127.0.0.1", sim.authorityHost());
        assertEquals("127.0.0.1:8443", sim.authorityHostAndPort());
        assertEquals("https://127.0.0.1:8443/v1.0", sim.graphBase().toString());
        assertEquals("https://127.0.0.1:8443", sim.graphOrigin());

        assertThrows(IllegalArgumentException.class, () -> new GraphEndpoints(URI.create("http://127.0.0.1:8443"),
                URI.create("https://127.0.0.1/v1.0"), Optional.empty(), Timeouts.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new GraphEndpoints(URI.create("https://127.0.0.1/prefix"),
                URI.create("https://127.0.0.1/v1.0"), Optional.empty(), Timeouts.DEFAULT));
    }

    @Test
    void discoveryMetadataFixesPortCache() throws Exception {
        GraphEndpoints sim = new GraphEndpoints(URI.create("https://127.0.0.1:8443"), URI.create("https://127.0.0.1:8443/v1.0"),
                Optional.empty(), Timeouts.DEFAULT);
        JsonNode json = new ObjectMapper().readTree(InstanceDiscoveryMetadata.json(sim));
        JsonNode entry = json.get("metadata").get(0);
        assertEquals("127.0.0.1", entry.get("preferred_network").asText());
        assertEquals("127.0.0.1", entry.get("preferred_cache").asText());
        assertEquals("[\"127.0.0.1\",\"127.0.0.1:8443\"]", entry.get("aliases").toString());
    }

    @Test
    void trustMaterialFromPem(@TempDir Path dir) throws Exception {
        TestTls tls = TestTls.generate();
        Path pem = dir.resolve("sim.pem");
        Files.writeString(pem, tls.certificatePem());
        TrustMaterial fromFile = TrustMaterial.fromPemFile(pem);
        assertEquals(1, fromFile.certificates().size());
        assertEquals(tls.certificate(), fromFile.certificates().getFirst());
        assertEquals(1, fromFile.trustManager().getAcceptedIssuers().length);
        assertThrows(IllegalArgumentException.class, () -> TrustMaterial.fromPem("not a certificate"));
        assertThrows(IllegalArgumentException.class, () -> TrustMaterial.fromPemFile(dir.resolve("missing.pem")));
    }
}
