package io.m365platform.action.intake;

import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "actions")
public class ActionsResource {

    private final ActionLog log;

    public ActionsResource(ActionLog log) {
        this.log = log;
    }

    @GET
    @Path("/{actionId}")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "An action request's status and outcome, by its action id (the idempotency key)")
    public ActionRecord get(@PathParam("actionId") String actionId) {
        return log.find(actionId).orElseThrow(() -> ApiException.notFound("Action " + actionId));
    }
}
