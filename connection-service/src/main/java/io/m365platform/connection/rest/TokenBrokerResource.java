package io.m365platform.connection.rest;

import io.m365platform.connection.broker.TokenBroker;
import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiError;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.TreeSet;

/**
 * The token broker for the platform's other services (role {@code service} only). Client secrets and refresh
 * tokens never leave connection-service; callers get a short-lived Graph access token and cache it until shortly
 * before {@code expiresAt}.
 */
@Path("/internal/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Token broker (internal)", description = "Graph access tokens for the platform's services")
@SecurityRequirement(name = "SecurityScheme")
public class TokenBrokerResource {

    private final TokenBroker broker;
    private final SecurityIdentity identity;

    public TokenBrokerResource(TokenBroker broker, SecurityIdentity identity) {
        this.broker = broker;
        this.identity = identity;
    }

    @GET
    @Path("/{id}/graph-token")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "A Graph access token for a connection",
            description = "From msal4j's cache while valid. A refused token request changes the connection's status"
                    + " (and publishes it); transient failures are retried and answered with 503, as is a request the identity"
                    + " platform has not answered within connection.token-broker.deadline. Every token handed out is audited.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GraphTokenView.class)))
    @APIResponse(responseCode = "404", description = "Unknown connection", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The connection cannot be used (needs-reconnect, permissions-missing, ...)",
            content = @Content(schema = @Schema(implementation = NotUsableView.class)))
    @APIResponse(responseCode = "503", description = "The identity platform is temporarily unavailable; retry after Retry-After")
    public Response token(@PathParam("id") String id) {
        TokenBroker.BrokeredToken t = broker.token(Validation.connectionId(id), identity.getPrincipal().getName());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        return Response.ok(new GraphTokenView(t.connection().id().toString(), t.token().tenantId(), t.token().token(),
                        t.token().expiresAt(), List.copyOf(new TreeSet<>(t.token().permissions())), t.connection().method()))
                .cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
