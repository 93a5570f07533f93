package io.m365platform.graph.token.delegated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365platform.graph.config.TenantId;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void rfc7636AppendixBVector() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void generatedVerifierIsValidAndRandom() {
        Pkce a = Pkce.generate();
        Pkce b = Pkce.generate();
        assertTrue(a.verifier().matches("[A-Za-z0-9_-]{43,128}"), a.verifier());
        assertEquals(Pkce.challengeOf(a.verifier()), a.challenge());
        assertNotEquals(a.verifier(), b.verifier());
        assertFalse(a.toString().contains(a.verifier()));
        assertNotEquals(Pkce.randomState(), Pkce.randomState());
    }

    @Test
    void stateComparison() {
        AuthorizationRequest r = new AuthorizationRequest(URI.create("https://login/x"), TenantId.of("contoso.com"), "cid",
                URI.create("https://app/cb"), Set.of("s"), "state-123", "verifier");
        assertTrue(r.stateMatches("state-123"));
        assertFalse(r.stateMatches("state-124"));
        assertFalse(r.stateMatches(null));
        assertFalse(r.toString().contains("verifier"), "verifier must not be printed");
    }
}
