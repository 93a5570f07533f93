package io.m365platform.sync.rest;

import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiException;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.StepRepository;
import io.m365platform.sync.service.RunService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** One sync run: its progress per resource; confirm a run held by the mass-deletion guard; cancel a run. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Sync runs and their progress")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.OPERATOR)
public class RunsResource {

    private final RunRepository runs;
    private final StepRepository steps;
    private final RunService runService;
    private final SecurityIdentity identity;

    public RunsResource(RunRepository runs, StepRepository steps, RunService runService,
                        SecurityIdentity identity) {
        this.runs = runs;
        this.steps = steps;
        this.runService = runService;
        this.identity = identity;
    }

    @GET
    @Path("/{runId}")
    @Operation(summary = "A run with its progress per resource")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "Unknown run", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public RunView run(@PathParam("runId") String runId) {
        UUID id = parse(runId);
        Run run = runs.find(id).orElseThrow(() -> ApiException.notFound("Run " + runId));
        return RunView.of(run, steps.steps(id), Instant.now());
    }

    @POST
    @Path("/{runId}/confirm-deletions")
    @Operation(summary = "Confirm the deletions of a run held by the mass-deletion guard",
            description = "The run resumes and applies exactly the deletions that tripped the guard.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "409", description = "The run is not held", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public RunView confirm(@PathParam("runId") String runId) {
        UUID id = parse(runId);
        Run run = runService.confirmDeletions(id, identity.getPrincipal().getName());
        return RunView.of(run, steps.steps(id), Instant.now());
    }

    @POST
    @Path("/{runId}/cancel")
    @Operation(summary = "Cancel an unfinished run (a held run is dropped without deleting anything)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "409", description = "The run already finished", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public RunView cancel(@PathParam("runId") String runId) {
        UUID id = parse(runId);
        Run run = runService.cancel(id, identity.getPrincipal().getName());
        return RunView.of(run, steps.steps(id), Instant.now());
    }

    static UUID parse(String runId) {
        try {
            return UUID.fromString(runId);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("runId must be a UUID, was '" + runId + "'",
                    new ApiError.Problem("runId", "must be a UUID"));
        }
    }
}
