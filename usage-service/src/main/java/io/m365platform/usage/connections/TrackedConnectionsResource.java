package io.m365platform.usage.connections;

import io.m365platform.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/usage/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "connections")
public class TrackedConnectionsResource {

    private final TrackedConnections connections;

    public TrackedConnectionsResource(TrackedConnections connections) {
        this.connections = connections;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Connections whose usage reports this service ingests, as learnt from m365.connections")
    public List<TrackedConnection> list() {
        return connections.list();
    }
}
