package io.m365platform.graph.config;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the platform gets tokens and calls Graph: server configuration, never user input.
 *
 * @param authorityBase login host, {@code https://login.microsoftonline.com} or a simulator's
 *                      {@code https://127.0.0.1:PORT}; no path (msal4j keeps only the first path segment
 *                      as tenant and drops any prefix)
 * @param graphBase     Graph root including the version, {@code https://graph.microsoft.com/v1.0} or a
 *                      simulator's {@code https://127.0.0.1:PORT/v1.0}
 * @param trust         certificates to trust instead of the JVM's (local HTTPS simulator), or empty
 * @param timeouts      connect/read/call timeouts for both
 */
public record GraphEndpoints(URI authorityBase, URI graphBase, Optional<TrustMaterial> trust, Timeouts timeouts) {

    public static final URI MICROSOFT_LOGIN = URI.create("https://login.microsoftonline.com");
    public static final URI MICROSOFT_GRAPH_V1 = URI.create("https://graph.microsoft.com/v1.0");

    /** msal4j's own well-known hosts: for these it does real instance discovery. */
    private static final Set<String> MICROSOFT_LOGIN_HOSTS = Set.of(
            "login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net",
            "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn");

    public GraphEndpoints {
        authorityBase = normalise(Objects.requireNonNull(authorityBase, "authorityBase"), "authorityBase");
        graphBase = normalise(Objects.requireNonNull(graphBase, "graphBase"), "graphBase");
        if (!authorityBase.getRawPath().isEmpty()) {
            throw new IllegalArgumentException("authorityBase must have no path (msal4j drops it): " + authorityBase);
        }
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** The public Microsoft cloud with the JVM's trust store. */
    public static GraphEndpoints microsoftCloud() {
        return new GraphEndpoints(MICROSOFT_LOGIN, MICROSOFT_GRAPH_V1, Optional.empty(), Timeouts.DEFAULT);
    }

    /**
     * A local simulator serving both the login and the Graph endpoints on one HTTPS origin.
     *
     * @param origin e.g. {@code https://127.0.0.1:8443}
     * @param certificatePem the simulator's certificate (PEM)
     */
    public static GraphEndpoints simulator(URI origin, String certificatePem) {
        URI base = normalise(origin, "origin");
        return new GraphEndpoints(base, URI.create(base + "/v1.0"), Optional.of(TrustMaterial.fromPem(certificatePem)),
                Timeouts.DEFAULT);
    }

    public GraphEndpoints withTimeouts(Timeouts newTimeouts) {
        return new GraphEndpoints(authorityBase, graphBase, trust, newTimeouts);
    }

    public GraphEndpoints withTrust(TrustMaterial material) {
        return new GraphEndpoints(authorityBase, graphBase, Optional.of(material), timeouts);
    }

    /** {@code https://host[:port]/{tenant}/}: the authority msal4j expects. */
    public String authorityFor(String tenantSegment) {
        return authorityBase + "/" + tenantSegment + "/";
    }

    /** The login host as msal4j keys its caches: host without port, lower case. */
    public String authorityHost() {
        return authorityBase.getHost().toLowerCase(Locale.ROOT);
    }

    /** {@code host:port} when a non-default port is used, else the host. */
    public String authorityHostAndPort() {
        int port = authorityBase.getPort();
        return port < 0 || port == 443 ? authorityHost() : authorityHost() + ":" + port;
    }

    /** True for Microsoft's own login hosts, where msal4j's instance discovery must stay on. */
    public boolean isMicrosoftLogin() {
        return MICROSOFT_LOGIN_HOSTS.contains(authorityHost());
    }

    /** The Graph host name (no port), as Kiota's AllowedHostsValidator compares it. */
    public String graphHost() {
        return graphBase.getHost().toLowerCase(Locale.ROOT);
    }

    /** Graph's origin ({@code https://host[:port]}) for checking that absolute links stay on it. */
    public String graphOrigin() {
        return graphBase.getScheme() + "://" + graphBase.getRawAuthority();
    }

    private static URI normalise(URI uri, String name) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(name + " must be an https:// URL, was " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(name + " has no host: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not have a query or fragment: " + uri);
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }
}
