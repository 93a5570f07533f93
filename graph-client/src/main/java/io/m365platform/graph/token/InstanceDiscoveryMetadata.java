package io.m365platform.graph.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graph.config.GraphEndpoints;

/**
 * The instance discovery answer msal4j would otherwise fetch from Microsoft, for a login host that
 * isn't Microsoft's (a simulator). Besides avoiding the network call, it fixes msal4j's cache with an
 * explicit port: tokens are stored under {@code host} but looked up under {@code host:port}, so every
 * call went to the token endpoint. Declaring {@code host} as preferred cache with both spellings as
 * aliases makes the lookup hit. Both preferred names must be bare hosts (msal4j puts them in a URL's host
 * part and keeps the authority's port). msal4j keeps this in a JVM-wide map keyed by host (without port).
 * The silent flow has a second port problem, fixed in the delegated client by passing the authority URL.
 */
public final class InstanceDiscoveryMetadata {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InstanceDiscoveryMetadata() {
    }

    public static String json(GraphEndpoints endpoints) {
        String host = endpoints.authorityHost();
        String hostAndPort = endpoints.authorityHostAndPort();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tenant_discovery_endpoint",
                endpoints.authorityFor("organizations") + "v2.0/.well-known/openid-configuration");
        root.put("api-version", "1.1");
        ArrayNode metadata = root.putArray("metadata");
        ObjectNode entry = metadata.addObject();
        entry.put("preferred_network", host);
        entry.put("preferred_cache", host);
        ArrayNode aliases = entry.putArray("aliases");
        aliases.add(host);
        if (!hostAndPort.equals(host)) {
            aliases.add(hostAndPort);
        }
        return root.toString();
    }
}
