package io.m365platform.graphsim.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import io.m365platform.graphsim.http.Json;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RSA key the simulator signs every JWT with (RS256), published in JWKS. Also verifies tokens for Graph.
 */
public final class SigningKey {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /**
     * One RSA-2048 key per JVM, generated in the background as soon as this class loads: RSA key generation takes
     * seconds on a busy 2-core machine, and every simulator started in a test JVM can share the key (tokens are
     * still tenant-bound through their tid and app checks).
     */
    private static final java.util.concurrent.CompletableFuture<KeyPair> SHARED = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the token signing key", e);
        }
    });

    private final KeyPair keyPair;
    private final String kid;

    public SigningKey() {
        try {
            this.keyPair = SHARED.join();
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(keyPair.getPublic().getEncoded());
            this.kid = B64.encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the token signing key", e);
        }
    }

    /** Starts generating the shared key (class initialisation) so that it overlaps other start-up work. */
    public static void warmUp() {
        // loading the class is enough
    }

    public String kid() {
        return kid;
    }

    /** Signs claims as a compact JWS with header {typ, alg RS256, kid, x5t}. */
    public String sign(Map<String, Object> claims) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("typ", "JWT");
            header.put("alg", "RS256");
            header.put("x5t", kid);
            header.put("kid", kid);
            String signingInput = B64.encodeToString(Json.MAPPER.writeValueAsBytes(header)) + "."
                    + B64.encodeToString(Json.MAPPER.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keyPair.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }

    /** The claims of a token this key signed, or null when the format, algorithm, key id or signature is wrong. */
    public Map<String, Object> verify(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Map<String, Object> header = Json.MAPPER.readValue(B64D.decode(parts[0]), new TypeReference<>() {
            });
            if (!"RS256".equals(header.get("alg")) || !kid.equals(header.get("kid"))) {
                return null;
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keyPair.getPublic());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(B64D.decode(parts[2]))) {
                return null;
            }
            return Json.MAPPER.readValue(B64D.decode(parts[1]), new TypeReference<>() {
            });
        } catch (Exception e) {
            return null;
        }
    }

    /** The claims without checking the signature (fault matching needs the tenant before authentication). */
    public static Map<String, Object> peek(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(B64D.decode(parts[1]), new TypeReference<>() {
            });
        } catch (Exception e) {
            return null;
        }
    }

    /** JWKS document entry. */
    public Map<String, Object> jwk() {
        RSAPublicKey pub = (RSAPublicKey) keyPair.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("kid", kid);
        jwk.put("x5t", kid);
        jwk.put("n", B64.encodeToString(unsigned(pub.getModulus().toByteArray())));
        jwk.put("e", B64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())));
        return jwk;
    }

    private static byte[] unsigned(byte[] bytes) {
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] r = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, r, 0, r.length);
            return r;
        }
        return bytes;
    }
}
