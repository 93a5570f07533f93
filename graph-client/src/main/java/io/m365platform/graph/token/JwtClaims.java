package io.m365platform.graph.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the payload of an access token issued for Graph. No signature check: the token came straight
 * from the token endpoint over TLS and Graph validates it; we only need to know what it grants.
 */
public final class JwtClaims {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode payload;

    private JwtClaims(JsonNode payload) {
        this.payload = payload;
    }

    /** Parses a compact JWS; empty if the token isn't a JWT with a JSON payload. */
    public static Optional<JwtClaims> parse(String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
            JsonNode node = MAPPER.readTree(json);
            return node != null && node.isObject() ? Optional.of(new JwtClaims(node)) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Application permissions: the {@code roles} array (app-only tokens). */
    public Set<String> roles() {
        JsonNode roles = payload.get("roles");
        if (roles == null || !roles.isArray()) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        roles.forEach(r -> {
            if (r.isTextual() && !r.asText().isBlank()) {
                out.add(r.asText());
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /** Delegated permissions: the space separated {@code scp} string. */
    public Set<String> scopes() {
        String scp = text("scp").orElse("");
        Set<String> out = new TreeSet<>();
        for (String s : scp.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** What the token grants for its kind. */
    public Set<String> permissions(TokenKind kind) {
        return kind == TokenKind.APP ? roles() : scopes();
    }

    public boolean isDelegated() {
        return payload.hasNonNull("scp");
    }

    public Optional<String> tenantId() {
        return text("tid");
    }

    public Optional<String> audience() {
        return text("aud");
    }

    /** {@code appid} (v1 tokens) or {@code azp} (v2 tokens). */
    public Optional<String> appId() {
        return text("appid").or(() -> text("azp"));
    }

    public Optional<String> objectId() {
        return text("oid");
    }

    /** The signed-in user of a delegated token ({@code upn}, else {@code preferred_username}). */
    public Optional<String> userPrincipalName() {
        return text("upn").or(() -> text("preferred_username"));
    }

    public Optional<Instant> expiresAt() {
        JsonNode exp = payload.get("exp");
        return exp != null && exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    }

    public Optional<String> text(String claim) {
        JsonNode n = payload.get(claim);
        return n != null && n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
    }

    /** Claim names present, for diagnostics (never values). */
    public Set<String> claimNames() {
        Set<String> names = new LinkedHashSet<>();
        payload.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
