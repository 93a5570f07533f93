package io.m365platform.connection.rest;

import io.m365platform.connection.adminuser.AdminSignInService;
import io.m365platform.connection.domain.Connection;
import io.m365platform.contracts.WireName;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.Product;
import io.m365platform.connection.service.ConnectionService;
import io.m365platform.connection.service.NewConnection;
import io.m365platform.connection.status.ConnectionHealthPolicy;
import io.m365platform.connection.store.ConnectionStore;
import io.m365platform.graph.config.TenantId;
import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Connections to customer tenants: create, list, read, test, rotate credentials, admin sign-in, change, delete.
 * Operators read and test; admins also create, change and delete.
 */
@Path("/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "Connect Microsoft 365 / Microsoft Teams tenants and see what the platform may do there")
@SecurityRequirement(name = "SecurityScheme")
public class ConnectionResource {

    private final ConnectionService connections;
    private final AdminSignInService signIns;
    private final ConnectionHealthPolicy policy;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ConnectionResource(ConnectionService connections, AdminSignInService signIns, ConnectionHealthPolicy policy,
            SecurityIdentity identity, Clock clock) {
        this.connections = connections;
        this.signIns = signIns;
        this.policy = policy;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Connect a tenant",
            description = "Stores the credentials encrypted and, for the app-registration method, tests the connection"
                    + " at once (token, granted permissions, report access, capability table). The admin-user method"
                    + " stays pending until an administrator signs in (see admin-user/start).")
    @APIResponse(responseCode = "201", description = "Created (the status says whether it works)",
            content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response create(@NotNull @Valid CreateConnectionRequest request) {
        TenantId tenant;
        try {
            tenant = TenantId.of(request.tenant());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("tenant: " + e.getMessage(), new ApiError.Problem("tenant", e.getMessage()));
        }
        Connection created = connections.create(new NewConnection(request.product(), request.method(), tenant,
                request.clientId().toLowerCase(), request.clientSecret(), request.permissionLevel(),
                request.displayName(), Optional.ofNullable(request.clientSecretExpiresAt())), caller());
        return Response.created(URI.create("/connections/" + created.id())).entity(view(created)).build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List connections", description = "Oldest first; filter by product, status or tenant.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionPage.class)))
    public ConnectionPage list(
            @QueryParam("product") @Parameter(schema = @Schema(enumeration = {"microsoft-365", "microsoft-teams"})) String product,
            @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"pending", "connected", "permissions-missing",
                    "needs-reconnect", "error"})) String status,
            @QueryParam("tenant") @Parameter(description = "Tenant GUID or domain as given") String tenant,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        ConnectionStore.Filter filter = new ConnectionStore.Filter(
                Optional.ofNullable(product).map(p -> parse("product", p, w -> WireName.parse(Product.class, w))),
                Optional.ofNullable(status).map(s -> parse("status", s, w -> WireName.parse(ConnectionStatus.class, w))),
                Optional.ofNullable(tenant).map(String::trim).map(String::toLowerCase));
        List<Connection> page = connections.list(filter, offset, limit + 1);
        List<ConnectionView> items = page.stream().limit(limit).map(this::view).toList();
        return new ConnectionPage(items, offset, limit, page.size() > limit ? offset + limit : null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Read a connection", description = "Status, permissions, capability table, last test and"
            + " error, secret expiry. Never the secret.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown connection")
    public ConnectionView get(@PathParam("id") String id) {
        return view(connections.get(Validation.connectionId(id)));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rename or change the permission level",
            description = "A new permission level re-evaluates the capability table and the status.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    public ConnectionView update(@PathParam("id") String id, @NotNull @Valid UpdateConnectionRequest request) {
        if (request.displayName() == null && request.permissionLevel() == null) {
            throw ApiException.badRequest("Nothing to change: give displayName and/or permissionLevel",
                    new ApiError.Problem("body", "needs displayName or permissionLevel"));
        }
        return view(connections.update(Validation.connectionId(id), Optional.ofNullable(request.displayName()),
                Optional.ofNullable(request.permissionLevel()), caller()));
    }

    @POST
    @Path("/{id}/test")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Test the connection now",
            description = "Gets a fresh token, reads the granted permissions, probes report access and concealed"
                    + " names, reads the secret's expiry and rebuilds the capability table.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "409", description = "Admin-user connection without a sign-in yet")
    public ConnectionView test(@PathParam("id") String id) {
        return view(connections.test(Validation.connectionId(id), caller()));
    }

    @POST
    @Path("/{id}/credentials")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rotate the client secret without downtime",
            description = "The new secret must get a token first; only then it replaces the stored one. A rejected"
                    + " secret changes nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "422", description = "The identity platform rejected the new secret",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "The new secret could not be verified now; nothing changed")
    public ConnectionView rotate(@PathParam("id") String id, @NotNull @Valid RotateCredentialsRequest request) {
        return view(connections.rotateSecret(Validation.connectionId(id), request.clientSecret(),
                Optional.ofNullable(request.clientSecretExpiresAt()), caller()));
    }

    @POST
    @Path("/{id}/admin-user/start")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Start the admin sign-in (admin-user method)",
            description = "Returns Entra's authorization URL with state and a PKCE challenge. Send the administrator"
                    + " there; the redirect's code and state go to admin-user/callback.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SignInStartedView.class)))
    @APIResponse(responseCode = "409", description = "The connection uses the app-registration method")
    public SignInStartedView startSignIn(@PathParam("id") String id, @Valid StartSignInRequest request) {
        AdminSignInService.Started started = signIns.start(Validation.connectionId(id),
                request == null ? null : request.loginHint(), caller());
        return new SignInStartedView(started.authorizationUrl().toString(), started.state(), started.expiresAt());
    }

    @POST
    @Path("/{id}/admin-user/callback")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Complete the admin sign-in",
            description = "Redeems the authorization code (with the PKCE verifier kept server-side), stores the"
                    + " refresh token encrypted, records who signed in and tests the connection.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "Unknown, used or expired state; an error from Entra; no code",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ConnectionView completeSignIn(@PathParam("id") String id, @NotNull @Valid SignInCallbackRequest request) {
        return view(signIns.complete(Validation.connectionId(id), new AdminSignInService.Redirect(request.state(),
                request.code(), request.error(), request.errorDescription()), caller()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a connection",
            description = "Destroys its stored credentials, forgets its cached tokens and publishes the deleted event"
                    + " (downstream services clean up).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown connection")
    public Response delete(@PathParam("id") String id) {
        connections.delete(Validation.connectionId(id), caller());
        return Response.noContent().build();
    }

    private ConnectionView view(Connection c) {
        return ConnectionView.of(c, policy.secretExpiryWarning(c, clock.instant()));
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + ": " + e.getMessage(), new ApiError.Problem(field, e.getMessage()));
        }
    }
}
