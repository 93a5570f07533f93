package io.m365platform.graphsim;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.m365platform.graphsim.control.ControlModule;
import io.m365platform.graphsim.control.EndpointCounters;
import io.m365platform.graphsim.control.RequestLog;
import io.m365platform.graphsim.faults.Faults;
import io.m365platform.graphsim.graph.DirectoryModule;
import io.m365platform.graphsim.graph.TeamsModule;
import io.m365platform.graphsim.graph.UsersModule;
import io.m365platform.graphsim.http.Router;
import io.m365platform.graphsim.identity.GrantStore;
import io.m365platform.graphsim.identity.GraphTokenVerifier;
import io.m365platform.graphsim.identity.IdentityModule;
import io.m365platform.graphsim.identity.SigningKey;
import io.m365platform.graphsim.identity.TokenIssuer;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tls.TlsMaterial;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A running simulator of Microsoft Entra ID + Microsoft Graph v1.0 over HTTPS.
 *
 * <pre>
 * try (GraphSimulator sim = GraphSimulator.start()) {
 *     Tenant t = sim.tenants().generate(42, 1_000);
 *     RegisteredApp app = t.apps().register(Registration.of("my app", Set.of("User.Read.All")));
 *     String authority = sim.authorityUrl(t.id());   // https://127.0.0.1:PORT/{tenant}/
 *     String graph = sim.graphBaseUrl();             // https://127.0.0.1:PORT/v1.0
 *     SSLContext trust = sim.clientSslContext();     // trusts only the simulator's certificate
 * }
 * </pre>
 */
public final class GraphSimulator implements AutoCloseable {
    /** The built-in modules, in registration order. Feature modules are added here (see EXTENSION_POINTS.md). */
    public static final List<Supplier<SimulatorModule>> MODULES = List.of(
            IdentityModule::new,
            UsersModule::new,
            DirectoryModule::new,
            TeamsModule::new,
            io.m365platform.graphsim.usage.UsageModule::new,
            io.m365platform.graphsim.reports.ReportsModule::new,
            io.m365platform.graphsim.graph.UserWritesModule::new,
            io.m365platform.graphsim.graph.GroupWritesModule::new,
            io.m365platform.graphsim.graph.TeamWritesModule::new,
            io.m365platform.graphsim.mail.MailModule::new,
            io.m365platform.graphsim.calendar.CalendarModule::new,
            io.m365platform.graphsim.drive.DriveModule::new);

    private final HttpsServer server;
    private final ExecutorService executor;
    private final TlsMaterial tls;
    private final SimClock clock = new SimClock();
    private final Tenants tenants;
    private final Faults faults;
    private final RequestLog requestLog;
    private final EndpointCounters counters = new EndpointCounters();
    private final SigningKey signingKey;
    private final TokenIssuer tokens;
    private final GrantStore grants = new GrantStore();
    private final List<SimulatorModule> modules;
    private final String baseUrl;
    private final long faultSeed;

    static {
        // The JDK's server leaves Nagle's algorithm on unless told otherwise: the end of a response then waits for
        // the client's delayed ACK, up to 40 ms a request. Graph answers at once; so must the simulator (measured by
        // the sync benchmark: reading 100k users 4.4 s -> 1.5 s; ~100 small pages of consents 5.3 s -> 0.5 s). Read
        // once, when the first server is made in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private GraphSimulator(SimulatorConfig config) throws IOException {
        SigningKey.warmUp();
        this.tls = config.keyStore != null ? TlsMaterial.fromKeyStore(config.keyStore, config.keyStorePassword) : TlsMaterial.selfSigned();
        this.faultSeed = config.faultSeed;
        this.faults = new Faults(config.faultSeed);
        this.requestLog = new RequestLog(config.requestLogCapacity);
        this.signingKey = new SigningKey();
        this.tokens = new TokenIssuer(signingKey);
        this.tokens.lifetime(config.tokenLifetime);
        List<SimulatorModule> all = new ArrayList<>();
        MODULES.forEach(s -> all.add(s.get()));
        all.addAll(config.extraModules);
        all.add(new ControlModule(this));
        this.modules = List.copyOf(all);
        this.tenants = new Tenants(clock, modules);

        Router router = new Router();
        Dispatcher dispatcher = new Dispatcher(router, faults, new GraphTokenVerifier(signingKey, tenants, clock), tenants, requestLog, counters);
        this.server = HttpsServer.create(new InetSocketAddress(config.host, config.port), 256);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", dispatcher);
        server.start();
        String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
        this.baseUrl = "https://" + host + ":" + server.getAddress().getPort();
        dispatcher.baseUrl(baseUrl);
        SimulatorContext context = new SimulatorContext(router, tenants, clock, faults, signingKey, tokens, grants, baseUrl);
        for (SimulatorModule m : modules) {
            m.registerRoutes(context);
        }
    }

    public static GraphSimulator start() {
        return start(SimulatorConfig.defaults());
    }

    public static GraphSimulator start(SimulatorConfig config) {
        try {
            return new GraphSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Graph simulator on " + config.host + ":" + config.port, e);
        }
    }

    // ------------------------------------------------------------------ addresses

    public int port() {
        return server.getAddress().getPort();
    }

    /** https://127.0.0.1:PORT */
    public String baseUrl() {
        return baseUrl;
    }

    /** Graph base URL for BaseGraphRequestAdapter: https://127.0.0.1:PORT/v1.0 */
    public String graphBaseUrl() {
        return baseUrl + "/v1.0";
    }

    /** msal4j authority for a tenant (id or verified domain): https://127.0.0.1:PORT/{tenant}/ */
    public String authorityUrl(String tenant) {
        return baseUrl + "/" + tenant + "/";
    }

    /**
     * The same authority under the host name {@code localhost} (also in the certificate). msal4j keeps instance
     * metadata per host in a JVM-wide static, so delegated apps on this authority are not affected by the
     * 127.0.0.1 aliases that {@link #msalInstanceDiscoveryResponse} installs.
     */
    public String authorityUrlLocalhost(String tenant) {
        return "https://localhost:" + port() + "/" + tenant + "/";
    }

    /** The token endpoint: https://127.0.0.1:PORT/{tenant}/oauth2/v2.0/token */
    public String tokenUrl(String tenant) {
        return baseUrl + "/" + tenant + "/oauth2/v2.0/token";
    }

    /**
     * JSON for msal4j's {@code aadInstanceDiscoveryResponse(...)}: declares "127.0.0.1" and "127.0.0.1:PORT" as
     * aliases, which works around msal4j's token-cache miss with an explicit port (CLIENT_NOTES.md). Only for
     * client credentials: msal4j sends silent refresh-token requests to {@code preferred_network}, which cannot
     * carry a port, so delegated flows must not use it (use {@link #authorityUrlLocalhost} and instanceDiscovery(false)).
     */
    public String msalInstanceDiscoveryResponse(String tenant) {
        String host = baseUrl.substring("https://".length(), baseUrl.lastIndexOf(':'));
        String hostPort = baseUrl.substring("https://".length());
        return "{\"tenant_discovery_endpoint\":\"" + baseUrl + "/" + tenant + "/v2.0/.well-known/openid-configuration\","
                + "\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":\"" + host + "\",\"preferred_cache\":\""
                + host + "\",\"aliases\":[\"" + host + "\",\"" + hostPort + "\"]}]}";
    }

    // ------------------------------------------------------------------ trust material

    public X509Certificate certificate() {
        return tls.certificate();
    }

    public String certificatePem() {
        return tls.certificatePem();
    }

    /** Trusts only the simulator's certificate (OkHttp: sslSocketFactory(ctx.getSocketFactory(), trustManager())). */
    public SSLContext clientSslContext() {
        return tls.clientContext();
    }

    public X509TrustManager trustManager() {
        return tls.trustManager();
    }

    // ------------------------------------------------------------------ state and control

    public Tenants tenants() {
        return tenants;
    }

    public Tenant tenant(String idOrDomain) {
        return tenants.get(idOrDomain);
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public EndpointCounters counters() {
        return counters;
    }

    public SimClock clock() {
        return clock;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    /** Authorization codes and refresh tokens (revoke a user's, expire them for inactivity). */
    public GrantStore grants() {
        return grants;
    }

    public List<SimulatorModule> modules() {
        return modules;
    }

    /** Clears faults (and restarts their random sequence), the request log and the counters. Tenants stay. */
    public void resetTraffic() {
        faults.clear();
        faults.reseed(faultSeed);
        requestLog.clear();
        counters.clear();
    }

    /** Back to a just-started simulator: no tenants, no grants, clock at system time, traffic reset. */
    public void reset() {
        resetTraffic();
        tenants.clear();
        grants.clear();
        clock.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
