package io.m365platform.action.executor;

import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.request.GraphClientSettings;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.request.GraphRequests;
import io.m365platform.graph.throttle.ThrottlePolicy;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.AppTokenClient;
import io.m365platform.graph.token.MsalApplications;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A generated simulator tenant with Graph requests for an app holding the given permissions, for executor tests
 * that run without Quarkus. Retries are left to the action's own budget (one attempt per call here).
 */
final class SimulatedTenant {

    final GraphSimulator sim;
    final Tenant tenant;
    private final GraphClients clients;
    private final AppTokenClient tokens;
    private int apps;

    SimulatedTenant(GraphSimulator sim, long seed, int users) {
        this.sim = sim;
        this.tenant = sim.tenants().generate(new GenerationSpec(seed, users, "actions" + seed));
        GraphEndpoints endpoints = GraphEndpoints.simulator(URI.create(sim.baseUrl()), sim.certificatePem());
        this.clients = new GraphClients(endpoints, GraphClientSettings.defaults().withSdkRetries(0, 0)
                .withThrottlePolicy(ThrottlePolicy.defaults().withMaxAttempts(1)));
        this.tokens = new AppTokenClient(new MsalApplications(endpoints));
    }

    /** Every executor, polling copy monitors with the simulator's trust (no Graph token). */
    Executors executors() {
        return new Executors(Executors.standard(new io.m365platform.action.client.CopyMonitor(java.util.Optional.of(
                io.m365platform.graph.config.TrustMaterial.fromPem(sim.certificatePem()))), java.time.Duration.ZERO));
    }

    GraphRequests graph(Set<String> permissions) {
        AppOperations.RegisteredApp app = tenant.apps().register(
                AppOperations.Registration.of("actions-" + (++apps), permissions));
        AppCredentials credentials = new AppCredentials(app.clientId(), app.secret());
        return clients.forTenant(tenant.id(), () -> tokens.acquire(credentials, TenantId.of(tenant.id())))
                .requests();
    }

    User user(String id) {
        return tenant.users().get(id);
    }

    Group group(String id) {
        return tenant.groups().get(id);
    }

    /** Enabled members without any directory role (sensitive properties of admins need a privileged role). */
    List<User> plainMembers() {
        Set<String> admins = tenant.read(() -> tenant.roleAssignmentList().stream()
                .map(RoleAssignment::principalId).collect(Collectors.toSet()));
        return tenant.users().list().stream()
                .filter(u -> !admins.contains(u.id()) && !u.isGuest() && u.accountEnabled())
                .toList();
    }

    /** Groups whose members can be edited (assigned membership). */
    List<Group> assignedGroups() {
        return tenant.groups().list().stream()
                .filter(g -> g.membershipRule() == null && !g.groupTypes().contains("DynamicMembership"))
                .toList();
    }

    void close() {
        clients.close();
    }
}
