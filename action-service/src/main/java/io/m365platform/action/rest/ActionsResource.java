package io.m365platform.action.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.service.ActionIntake;
import io.m365platform.action.service.DryRun;
import io.m365platform.action.service.OperatorDecisions;
import io.m365platform.action.service.RequestParser;
import io.m365platform.action.store.ActionRecord;
import io.m365platform.action.store.ActionStatus;
import io.m365platform.action.store.ActionStore;
import io.m365platform.action.store.NewAction;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Path("/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "actions")
public class ActionsResource {

    private static final int MAX_BATCH = 500;
    private static final int MAX_PAGE = 500;

    private final ActionStore store;
    private final ActionIntake intake;
    private final RequestParser parser;
    private final DryRun dryRun;
    private final OperatorDecisions decisions;
    private final SecurityIdentity identity;

    public ActionsResource(ActionStore store, ActionIntake intake, RequestParser parser, DryRun dryRun,
                           OperatorDecisions decisions, SecurityIdentity identity) {
        this.store = store;
        this.intake = intake;
        this.parser = parser;
        this.dryRun = dryRun;
        this.decisions = decisions;
        this.identity = identity;
    }

    /** The answer to a submitted request: its state after intake. */
    public record Submitted(String actionId, String outcome, ActionRecord action) {
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Submit an action (validated like a Kafka request; the action id is the idempotency key)")
    public Response submit(JsonNode body) {
        Submitted submitted = submitOne(parser.parse(body, caller()));
        int status = "duplicate".equals(submitted.outcome()) ? 200 : 202;
        return Response.status(status).entity(submitted).build();
    }

    @POST
    @Path("/batch")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Submit several actions; all are validated before any is recorded")
    public Response submitBatch(JsonNode body) {
        if (body == null || !body.isArray() || body.isEmpty() || body.size() > MAX_BATCH) {
            throw ApiException.badRequest("The body must be an array of 1 to " + MAX_BATCH + " action requests.");
        }
        List<ActionRequested> requests = new ArrayList<>();
        List<ApiError.Problem> problems = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                requests.add(parser.parse(body.get(i), caller()));
            } catch (ApiException e) {
                String prefix = "/" + i;
                if (e.error().problems().isEmpty()) {
                    problems.add(new ApiError.Problem(prefix, e.error().message()));
                }
                e.error().problems().forEach(p -> problems.add(new ApiError.Problem(prefix + p.field(), p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Some action requests are invalid; none was recorded.",
                    problems.toArray(ApiError.Problem[]::new));
        }
        return Response.status(202).entity(requests.stream().map(this::submitOne).toList()).build();
    }

    @POST
    @Path("/dry-run")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "What an action would do: the Graph calls it would make and before → after; nothing changes")
    public DryRun.Plan dryRun(JsonNode body) {
        return dryRun.plan(parser.parse(body, caller()));
    }

    @GET
    @Path("/{actionId}")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "An action's state, outcome and Graph calls, by its action id (the idempotency key)")
    public ActionRecord get(@PathParam("actionId") String actionId) {
        return store.find(actionId).orElseThrow(() -> ApiException.notFound("Action " + actionId));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Actions, newest first, by connection, target and status; pass `next` as cursor for more")
    public ActionStore.Page list(@QueryParam("connectionId") String connectionId,
                                 @QueryParam("targetId") String targetId, @QueryParam("status") String status,
                                 @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        ActionStatus wanted = null;
        if (status != null) {
            wanted = Arrays.stream(ActionStatus.values()).filter(s -> s.wireName().equals(status)).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("Unknown status " + status + "; one of "
                            + Arrays.stream(ActionStatus.values()).map(ActionStatus::wireName).toList()));
        }
        Long before;
        try {
            before = cursor == null ? null : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("cursor is not one this service gave out");
        }
        return store.list(connectionId, targetId, wanted, before, limit);
    }

    /** A decision's optional comment. */
    public record Decision(String reason) {
    }

    @POST
    @Path("/{actionId}/approve")
    @RolesAllowed({Roles.OPERATOR})
    @Operation(summary = "Approve an action awaiting approval (a second operator: not the requester)")
    public ActionRecord approve(@PathParam("actionId") String actionId) {
        decisions.approve(actionId, caller());
        return get(actionId);
    }

    @POST
    @Path("/{actionId}/reject")
    @RolesAllowed({Roles.OPERATOR})
    @Operation(summary = "Reject an action awaiting approval; the requester gets an action.rejected result")
    public ActionRecord reject(@PathParam("actionId") String actionId, Decision decision) {
        decisions.reject(actionId, caller(), decision == null ? null : decision.reason());
        return get(actionId);
    }

    @POST
    @Path("/{actionId}/cancel")
    @RolesAllowed({Roles.OPERATOR})
    @Operation(summary = "Cancel an action that has not started; the requester gets an action.rejected result")
    public ActionRecord cancel(@PathParam("actionId") String actionId) {
        decisions.cancel(actionId, caller());
        return get(actionId);
    }

    private Submitted submitOne(ActionRequested request) {
        ActionIntake.Outcome outcome = intake.submit(new NewAction(request, caller(), "rest", null, null));
        String name = outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return new Submitted(request.actionId(), name, store.find(request.actionId()).orElse(null));
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
