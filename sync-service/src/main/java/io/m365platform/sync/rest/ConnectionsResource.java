package io.m365platform.sync.rest;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiException;
import io.m365platform.sync.connection.ConnectionRepository;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.contracts.WireName;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.StepRepository;
import io.m365platform.sync.service.RunService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Connections as sync-service knows them, their runs, and the commands on them (trigger, re-publish). */
@Path("/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "Known connections, their sync runs, trigger and re-publish")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.OPERATOR)
public class ConnectionsResource {

    private final ConnectionRepository connections;
    private final RunRepository runs;
    private final StepRepository steps;
    private final RunService runService;
    private final SecurityIdentity identity;

    public ConnectionsResource(ConnectionRepository connections, RunRepository runs, StepRepository steps,
                               RunService runService, SecurityIdentity identity) {
        this.connections = connections;
        this.runs = runs;
        this.steps = steps;
        this.runService = runService;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Connections known from connection events, with their schedule and active run")
    public PageView<ConnectionView> list(@QueryParam("cursor") String cursor,
                                         @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<KnownConnection> page = connections.list(limit + 1, cursor);
        List<ConnectionView> items = new ArrayList<>();
        for (KnownConnection c : page.subList(0, Math.min(limit, page.size()))) {
            items.add(ConnectionView.of(c, runs.findActive(c.connectionId()).map(r -> r.runId().toString()).orElse(null)));
        }
        return new PageView<>(items, page.size() > limit ? page.get(limit - 1).connectionId() : null);
    }

    @GET
    @Path("/{connectionId}")
    @Operation(summary = "One connection")
    @APIResponse(responseCode = "404", description = "Unknown connection", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ConnectionView get(@PathParam("connectionId") String connectionId) {
        KnownConnection c = require(connectionId);
        return ConnectionView.of(c, runs.findActive(connectionId).map(r -> r.runId().toString()).orElse(null));
    }

    @GET
    @Path("/{connectionId}/runs")
    @Operation(summary = "Runs of a connection, newest first, with their progress per resource")
    public PageView<RunView> runs(@PathParam("connectionId") String connectionId,
                                  @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        require(connectionId);
        RunRepository.RunCursor before = cursor == null ? null : RunCursors.parse(cursor);
        List<Run> page = runs.listByConnection(connectionId, limit + 1, before);
        Instant now = Instant.now();
        List<RunView> items = page.subList(0, Math.min(limit, page.size())).stream()
                .map(r -> RunView.of(r, steps.steps(r.runId()), now)).toList();
        String next = page.size() > limit ? RunCursors.of(page.get(limit - 1)) : null;
        return new PageView<>(items, next);
    }

    @POST
    @Path("/{connectionId}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trigger a sync run",
            description = "Answers 202 with the new run, or with the connection's active run (created=false) which"
                    + " absorbs the request: there is never more than one active run per connection.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = TriggeredRunView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown connection", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Connection deleted or not usable", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response trigger(@PathParam("connectionId") String connectionId,
                            @Valid @NotNull(message = "a JSON body is required") TriggerRunRequest body) {
        List<SyncResource> resources = new ArrayList<>();
        List<ApiError.Problem> problems = new ArrayList<>();
        for (String name : body.resources() == null ? List.<String>of() : body.resources()) {
            try {
                resources.add(WireName.parse(SyncResource.class, name));
            } catch (IllegalArgumentException e) {
                problems.add(new ApiError.Problem("resources", "unknown resource '" + name + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("unknown resources; valid: " + List.of(SyncResource.values()).stream()
                    .map(SyncResource::wireName).toList(), problems.toArray(ApiError.Problem[]::new));
        }
        RunRepository.Enqueued enqueued = runService.request(connectionId, WireName.parse(RunMode.class, body.mode()),
                SyncTrigger.REQUEST, null, identity.getPrincipal().getName(), body.reason(), resources);
        return Response.accepted(new TriggeredRunView(enqueued.created(),
                RunView.of(enqueued.run(), steps.steps(enqueued.run().runId()), Instant.now()))).build();
    }

    @POST
    @Path("/{connectionId}/republish")
    @Operation(summary = "Re-publish a connection's current synced state to the entity topics",
            description = "For consumers that lost data: every stored entity is published again as a synced event."
                    + " Runs like a sync run (one active run per connection).")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = TriggeredRunView.class)))
    public Response republish(@PathParam("connectionId") String connectionId) {
        RunRepository.Enqueued enqueued = runService.request(connectionId, RunMode.REPUBLISH, SyncTrigger.REQUEST,
                null, identity.getPrincipal().getName(), "re-publish requested", List.of());
        return Response.accepted(new TriggeredRunView(enqueued.created(),
                RunView.of(enqueued.run(), steps.steps(enqueued.run().runId()), Instant.now()))).build();
    }

    private KnownConnection require(String connectionId) {
        return connections.find(connectionId).orElseThrow(() -> ApiException.notFound("Connection " + connectionId));
    }

    /** Opaque run-listing cursors: requested-at and run id of the last run shown. */
    static final class RunCursors {
        private RunCursors() {
        }

        static String of(Run run) {
            return run.requestedAt().toEpochMilli() * 1000 + "~" + run.runId();
        }

        static RunRepository.RunCursor parse(String cursor) {
            try {
                int sep = cursor.indexOf('~');
                long micros = Long.parseLong(cursor.substring(0, sep));
                return new RunRepository.RunCursor(Instant.ofEpochMilli(micros / 1000),
                        UUID.fromString(cursor.substring(sep + 1)));
            } catch (RuntimeException e) {
                throw ApiException.badRequest("cursor is not one this API returned",
                        new ApiError.Problem("cursor", "invalid"));
            }
        }
    }
}
