package io.m365platform.action.rest;

import io.m365platform.action.connection.ConnectionStore;
import io.m365platform.action.connection.KnownConnection;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which actions need a second operator's approval on a connection (e.g. delete-user, remove-license). */
@Path("/connections/{connectionId}/approval-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "actions")
public class ApprovalPolicyResource {

    private final ConnectionStore connections;

    public ApprovalPolicyResource(ConnectionStore connections) {
        this.connections = connections;
    }

    /** Action types (wire names) that wait for approval. */
    public record ApprovalPolicy(List<String> approvalRequired) {
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The action types that need approval on this connection")
    public ApprovalPolicy get(@PathParam("connectionId") String connectionId) {
        KnownConnection c = connections.find(connectionId)
                .orElseThrow(() -> ApiException.notFound("Connection " + connectionId));
        return new ApprovalPolicy(List.copyOf(c.approvalRequired()));
    }

    @PUT
    @RolesAllowed({Roles.ADMIN})
    @Operation(summary = "Set the action types that need a second operator's approval on this connection")
    public ApprovalPolicy put(@PathParam("connectionId") String connectionId, ApprovalPolicy policy) {
        if (policy == null || policy.approvalRequired() == null) {
            throw ApiException.badRequest("approvalRequired (a list of action types) is required");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String t : policy.approvalRequired()) {
            types.add(ActionType.fromWireName(t).orElseThrow(() -> ApiException.badRequest("Unknown action type "
                    + t)).wireName());
        }
        if (!connections.setApprovalRequired(connectionId, types)) {
            throw ApiException.notFound("Connection " + connectionId);
        }
        return new ApprovalPolicy(List.copyOf(types));
    }
}
