package io.m365platform.graph.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtClaimsTest {

    static String jwt(String payloadJson) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void appTokenRolesArray() {
        JwtClaims c = JwtClaims.parse(jwt("{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"11111111-2222-3333-4444-555555555555\","
                + "\"roles\":[\"User.Read.All\",\"Reports.Read.All\"],\"appid\":\"app-1\",\"exp\":1735725600,\"idtyp\":\"app\"}")).orElseThrow();
        assertEquals(Set.of("User.Read.All", "Reports.Read.All"), c.roles());
        assertEquals(c.roles(), c.permissions(TokenKind.APP));
        assertTrue(c.scopes().isEmpty());
        assertFalse(c.isDelegated());
        assertEquals("11111111-2222-3333-4444-555555555555", c.tenantId().orElseThrow());
        assertEquals("app-1", c.appId().orElseThrow());
        assertEquals(Instant.ofEpochSecond(1735725600), c.expiresAt().orElseThrow());
    }

    @Test
    void delegatedTokenScpString() {
        JwtClaims c = JwtClaims.parse(jwt("{\"scp\":\"User.Read.All  Directory.AccessAsUser.All openid\",\"upn\":\"admin@contoso.com\","
                + "\"azp\":\"app-2\",\"tid\":\"t\"}")).orElseThrow();
        assertEquals(Set.of("User.Read.All", "Directory.AccessAsUser.All", "openid"), c.permissions(TokenKind.DELEGATED));
        assertTrue(c.isDelegated());
        assertEquals("admin@contoso.com", c.userPrincipalName().orElseThrow());
        assertEquals("app-2", c.appId().orElseThrow());
    }

    @Test
    void appTokenWithoutRolesHasNoPermissions() {
        JwtClaims c = JwtClaims.parse(jwt("{\"tid\":\"t\"}")).orElseThrow();
        assertTrue(c.permissions(TokenKind.APP).isEmpty());
    }

    @Test
    void paddedBase64AndNonJwt() {
        String padded = jwt("{\"roles\":[\"A\"]}").replaceFirst("\\.([^.]*)\\.", ".$1==.");
        assertEquals(Set.of("A"), JwtClaims.parse(padded).orElseThrow().roles());
        assertTrue(JwtClaims.parse("opaque-token").isEmpty());
        assertTrue(JwtClaims.parse("a.!!!.c").isEmpty());
        assertTrue(JwtClaims.parse(null).isEmpty());
    }
}
