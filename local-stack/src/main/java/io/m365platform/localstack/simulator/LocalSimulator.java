package io.m365platform.localstack.simulator;

import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimulatorConfig;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.control.ControlModule;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The Graph simulator of the local run: Microsoft Entra ID and Graph for two tenants.
 * <ul>
 *   <li>the <b>demo tenant</b> ({@code contoso}, generated from a seed) with two app registrations, one per
 *       product's setup guide (Microsoft 365, Microsoft Teams): what the platform connects to, syncs and acts on.
 *       The demo grants each the permissions connection-service's setup guide lists for its product
 *       ({@link #grantApplicationPermissions});</li>
 *   <li>the <b>platform tenant</b>, standing in for the Entra tenant the platform itself is registered in: its
 *       tokens are the services' OIDC bearer tokens. Two apps there: "operator console" (app roles operator and
 *       admin) for people and the launcher, "platform services" (app role service) for service-to-service calls.
 *   </li>
 * </ul>
 * Every id and secret is derived from the seed, so a second run regenerates the same tenants and the connection
 * stored by the first run keeps working.
 */
public final class LocalSimulator implements AutoCloseable {

    private final GraphSimulator simulator;
    private final Tenant demoTenant;
    private final RegisteredApp demoApp;
    private final RegisteredApp teamsDemoApp;
    private final PlatformIdentity platform;
    private final Path certificateFile;

    private LocalSimulator(GraphSimulator simulator, Tenant demoTenant, RegisteredApp demoApp,
                           RegisteredApp teamsDemoApp, PlatformIdentity platform, Path certificateFile) {
        this.simulator = simulator;
        this.demoTenant = demoTenant;
        this.demoApp = demoApp;
        this.teamsDemoApp = teamsDemoApp;
        this.platform = platform;
        this.certificateFile = certificateFile;
    }

    /**
     * How to run it.
     *
     * @param host             address to listen on (127.0.0.1 locally, 0.0.0.0 in a container)
     * @param port             HTTPS port
     * @param keyStore         PKCS12 keystore with the server certificate; empty: a self-signed one made now
     *                         (valid for 127.0.0.1 and localhost)
     * @param keyStorePassword its password
     * @param directory        where certificate.pem is written for the services to trust
     * @param seed             seed of both tenants
     * @param users            size of the demo tenant
     * @param operatorSecret   fixed secret of the platform's operator app, else seeded
     * @param serviceSecret    fixed secret of the platform's services app, else seeded
     */
    public record Settings(String host, int port, Optional<Path> keyStore, String keyStorePassword, Path directory,
                           long seed, int users, Optional<String> operatorSecret, Optional<String> serviceSecret) {
        public static Settings local(int port, Path directory, long seed, int users) {
            return new Settings("127.0.0.1", port, Optional.empty(), "", directory, seed, users, Optional.empty(),
                    Optional.empty());
        }
    }

    /**
     * Starts the simulator, writes its certificate to {@code directory/certificate.pem} for the services to
     * trust, and creates both tenants.
     */
    public static LocalSimulator start(Settings settings) throws IOException {
        Path directory = settings.directory();
        long seed = settings.seed();
        int users = settings.users();
        Files.createDirectories(directory);
        SimulatorConfig config = SimulatorConfig.defaults().host(settings.host()).port(settings.port()).faultSeed(seed);
        settings.keyStore().ifPresent(k -> config.keyStore(k, settings.keyStorePassword().toCharArray()));
        GraphSimulator simulator = GraphSimulator.start(config);
        try {
            Path certificate = directory.resolve("certificate.pem");
            Files.writeString(certificate, simulator.certificatePem(), StandardCharsets.US_ASCII);
            Tenant demo = simulator.tenants().generate(new GenerationSpec(seed, users, "contoso"));
            // The simulator's own demo app (read permissions of both products, seeded credentials).
            RegisteredApp demoApp = TenantGenerator.registerDemoApp(demo, ControlModule.DEMO_APP_PERMISSIONS,
                    ControlModule.DEMO_DELEGATED_PERMISSIONS, List.of("http://localhost/callback"));
            // The Microsoft Teams product's own app registration (the Teams setup guide), seeded like the first.
            RegisteredApp teamsDemoApp = demo.apps().register(new AppOperations.Registration(null,
                    "M365 Platform for Teams (demo)", ControlModule.DEMO_APP_PERMISSIONS, Set.of(), List.of(),
                    List.of(Duration.ofDays(730)), List.of()), new Random(seed * 7919 + 29));
            PlatformIdentity platform = PlatformIdentity.create(simulator, seed, settings.operatorSecret(),
                    settings.serviceSecret());
            return new LocalSimulator(simulator, demo, demoApp, teamsDemoApp, platform, certificate);
        } catch (RuntimeException | IOException e) {
            simulator.close();
            throw e;
        }
    }

    public GraphSimulator simulator() {
        return simulator;
    }

    public String baseUrl() {
        return simulator.baseUrl();
    }

    /** Graph root the services call: https://127.0.0.1:PORT/v1.0 */
    public String graphUrl() {
        return simulator.graphBaseUrl();
    }

    /** Login host the services get tokens from (no path, like https://login.microsoftonline.com). */
    public String loginUrl() {
        return simulator.baseUrl();
    }

    public Path certificateFile() {
        return certificateFile;
    }

    public String demoTenantId() {
        return demoTenant.id();
    }

    public String demoTenantDomain() {
        return demoTenant.read(() -> demoTenant.organization().verifiedDomains().get(0));
    }

    /** The demo app registration's client id and secret (the secret only ever goes to connection-service). */
    public RegisteredApp demoApp() {
        return demoApp;
    }

    /** The Microsoft Teams product's app registration in the demo tenant. */
    public RegisteredApp teamsDemoApp() {
        return teamsDemoApp;
    }

    /**
     * A member of the demo tenant the demo's actions act on: enabled, not the administrator, the last one generated
     * (id, user principal name).
     */
    public Map.Entry<String, String> demoActionTarget() {
        return demoTenant.read(() -> demoTenant.userTable().liveValues().stream()
                .filter(u -> u.accountEnabled() && "Member".equals(u.userType()) && !u.id().equals(demoTenant.adminUserId()))
                .reduce((first, second) -> second)
                .map(u -> Map.entry(u.id(), u.userPrincipalName()))
                .orElseThrow(() -> new IllegalStateException("the demo tenant has no enabled member")));
    }

    /** Whether the demo tenant's user can sign in (ground truth the demo's actions change). */
    public boolean accountEnabled(String userId) {
        return demoTenant.read(() -> demoTenant.userTable().get(userId).accountEnabled());
    }

    /**
     * Turns off "Display concealed user, group, and site names in all reports" in the demo tenant, as the setup
     * guides ask the administrator to: usage reports then carry user principal names the platform can map.
     */
    public void showReportUserNames() {
        demoTenant.displayConcealedNames(false);
    }

    /**
     * Grants (admin consent) the app exactly these application permissions, as an administrator following the setup
     * guide would; its delegated permissions stay as they are.
     */
    public void grantApplicationPermissions(RegisteredApp app, Set<String> permissions) {
        Set<String> delegated = demoTenant.apps().require(app.clientId()).delegatedPermissions();
        demoTenant.apps().setPermissions(app.clientId(), permissions, delegated);
    }

    public PlatformIdentity platform() {
        return platform;
    }

    /** What the simulator holds for the demo tenant right now: the ground truth a full sync must reproduce. */
    public TenantFigures demoFigures() {
        return demoTenant.read(() -> {
            List<Group> groups = demoTenant.groupTable().liveValues();
            long teams = groups.stream().filter(Group::isTeam).count();
            return new TenantFigures(demoTenant.userTable().liveCount(), groups.size(), (int) teams,
                    demoTenant.skuMap().size(), demoTenant.directoryRoleList().size());
        });
    }

    /** Counts of the demo tenant's directory. */
    public record TenantFigures(int users, int groups, int teams, int subscribedSkus, int directoryRoles) {
    }

    @Override
    public void close() {
        simulator.close();
    }
}
