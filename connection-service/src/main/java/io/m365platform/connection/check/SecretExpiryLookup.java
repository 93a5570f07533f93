package io.m365platform.connection.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.connection.domain.SecretExpiry;
import io.m365platform.graph.error.GraphException;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.request.GraphAccess;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Learns when the connection's client secret expires from the app registration's {@code passwordCredentials}
 * ({@code GET /applications?$filter=appId eq '…'}, which needs Application.Read.All). Graph lists every secret
 * of the app with the first three characters of its value ({@code hint}); ours is the one with our hint. Without
 * the permission the expiry stays unknown and the connection says so.
 */
final class SecretExpiryLookup {

    /** Permissions that let an app read its own registration. */
    static final Set<String> READ_APPLICATIONS = Set.of("Application.Read.All", "Application.ReadWrite.All");

    static final String NOT_GRANTED = "The client secret's expiry is unknown: grant Application.Read.All so the"
            + " platform can read it from the app registration and warn before it expires.";

    private SecretExpiryLookup() {
    }

    /**
     * @return the expiry as far as it can be known, or empty when Graph could not be asked right now (throttled,
     *         unavailable): then what was known before stays
     */
    static Optional<SecretExpiry> lookup(GraphAccess graph, String clientId, String clientSecret, Set<String> granted) {
        if (READ_APPLICATIONS.stream().noneMatch(granted::contains)) {
            return Optional.of(SecretExpiry.unknown(NOT_GRANTED));
        }
        String filter = URLEncoder.encode("appId eq '" + clientId + "'", StandardCharsets.UTF_8).replace("+", "%20");
        try {
            JsonNode page = graph.requests().get("/applications?$filter=" + filter + "&$select=id,appId,passwordCredentials");
            JsonNode apps = page == null ? null : page.path("value");
            if (apps == null || apps.isEmpty()) {
                return Optional.of(SecretExpiry.unknown("The client secret's expiry is unknown: the app registration "
                        + clientId + " is not visible in the tenant's directory."));
            }
            String hint = clientSecret.substring(0, Math.min(3, clientSecret.length()));
            List<Instant> ends = new ArrayList<>();
            for (JsonNode credential : apps.get(0).path("passwordCredentials")) {
                if (hint.equals(credential.path("hint").asText(null)) && credential.hasNonNull("endDateTime")) {
                    ends.add(Instant.parse(credential.get("endDateTime").asText()));
                }
            }
            if (ends.isEmpty()) {
                return Optional.of(SecretExpiry.unknown("The client secret's expiry is unknown: none of the app"
                        + " registration's secrets matches the stored one."));
            }
            Instant earliest = ends.stream().min(Comparator.naturalOrder()).orElseThrow();
            return Optional.of(SecretExpiry.known(earliest, SecretExpiry.Source.GRAPH, ends.size() == 1
                    ? "Read from the app registration's client secrets."
                    : "Several secrets of the app registration could be the stored one; the earliest expiry is shown."));
        } catch (GraphRequestException e) {
            if (e.isThrottlingOrUnavailable()) {
                return Optional.empty();
            }
            return Optional.of(SecretExpiry.unknown("The client secret's expiry is unknown: Graph answered HTTP "
                    + e.status() + " " + e.code() + " when reading the app registration."));
        } catch (GraphException e) {
            return Optional.empty();
        }
    }
}
