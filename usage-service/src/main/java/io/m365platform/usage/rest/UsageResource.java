package io.m365platform.usage.rest;

import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiException;
import io.m365platform.usage.connections.TrackedConnection;
import io.m365platform.usage.connections.TrackedConnections;
import io.m365platform.usage.daily.DailyUsagePublisher;
import io.m365platform.usage.ingestion.ConcealmentFixer;
import io.m365platform.usage.ingestion.IngestionStatus;
import io.m365platform.usage.ingestion.IngestionStatusQuery;
import io.m365platform.usage.ingestion.Report;
import io.m365platform.usage.ingestion.ReportDayQueue;
import io.m365platform.usage.summary.AppTotals;
import io.m365platform.usage.summary.InactiveHolder;
import io.m365platform.usage.summary.SkuUtilisation;
import io.m365platform.usage.summary.UsageQueries;
import io.m365platform.usage.summary.UserDay;
import io.m365platform.usage.summary.UserUsage;
import io.m365platform.usage.summary.UtilisationPublisher;
import io.m365platform.usage.summary.UtilisationQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The usage of a connection's users: per user, per app and platform, suite totals, license utilisation. */
@Path("/usage/connections/{connectionId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "usage")
public class UsageResource {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_LIMIT = 1000;

    /** A page of results and the key to pass as {@code after} for the next one (null on the last page). */
    public record Page<T>(List<T> items, String next) {
    }

    /** The operator's choice: may the service turn report concealment off itself? */
    public record UnconcealRequest(Boolean enabled) {
    }

    private final TrackedConnections connections;
    private final UsageQueries usage;
    private final UtilisationQueries utilisation;
    private final IngestionStatusQuery status;
    private final ReportDayQueue queue;
    private final DailyUsagePublisher dailyPublisher;
    private final UtilisationPublisher utilisationPublisher;
    private final ConcealmentFixer concealment;
    private final Clock clock;

    public UsageResource(TrackedConnections connections, UsageQueries usage, UtilisationQueries utilisation,
                         IngestionStatusQuery status, ReportDayQueue queue, DailyUsagePublisher dailyPublisher,
                         UtilisationPublisher utilisationPublisher, ConcealmentFixer concealment, Clock clock) {
        this.connections = connections;
        this.usage = usage;
        this.utilisation = utilisation;
        this.status = status;
        this.queue = queue;
        this.dailyPublisher = dailyPublisher;
        this.utilisationPublisher = utilisationPublisher;
        this.concealment = concealment;
        this.clock = clock;
    }

    @GET
    @Path("/users")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "28-day usage of every user with any use: apps x platforms, last activity per app, the "
            + "Microsoft 365 suite total (Teams apart); keyset-paged by user key")
    public Page<UserUsage> users(@PathParam("connectionId") String connectionId, @QueryParam("after") String after,
                                 @QueryParam("limit") @DefaultValue("100") String limit) {
        known(connectionId);
        int size = checkedLimit(limit);
        List<UserUsage> page = usage.users(connectionId, after, size);
        return new Page<>(page, page.size() < size ? null : page.getLast().userKey());
    }

    @GET
    @Path("/users/{userKey}")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "28-day usage of one user (by user id, or by the reported name of an unmapped row)")
    public UserUsage user(@PathParam("connectionId") String connectionId, @PathParam("userKey") String userKey) {
        known(connectionId);
        return usage.user(connectionId, userKey)
                .orElseThrow(() -> ApiException.notFound("usage of user " + userKey + " in the window"));
    }

    @GET
    @Path("/users/{userKey}/days")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "One user's usage per day of the window: the (app, platform) pairs used each day")
    public List<UserDay> userDays(@PathParam("connectionId") String connectionId,
                                  @PathParam("userKey") String userKey) {
        known(connectionId);
        return usage.userDays(connectionId, userKey);
    }

    @GET
    @Path("/apps")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Active users per app and platform over the 28-day window, with the Microsoft 365 suite "
            + "total (Outlook, Word, Excel, PowerPoint, OneNote) and Teams on its own")
    public List<AppTotals> apps(@PathParam("connectionId") String connectionId) {
        known(connectionId);
        return usage.appTotals(connectionId);
    }

    @GET
    @Path("/apps/daily")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Active users per app and platform on each day of the window")
    public Map<LocalDate, List<AppTotals>> appsPerDay(@PathParam("connectionId") String connectionId) {
        known(connectionId);
        return usage.appTotalsPerDay(connectionId);
    }

    @GET
    @Path("/licenses")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "License utilisation per SKU: assigned (direct / group-inherited), active, inactive, "
            + "unassigned over the 28-day window")
    public List<SkuUtilisation> licenses(@PathParam("connectionId") String connectionId) {
        known(connectionId);
        return utilisation.perSku(connectionId);
    }

    @GET
    @Path("/licenses/{skuId}/inactive-users")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Holders of a SKU without app use in the window (and no recent sign-in where known), "
            + "with since when; assignment=any|direct|inherited; keyset-paged by user id")
    public Page<InactiveHolder> inactiveUsers(@PathParam("connectionId") String connectionId,
                                              @PathParam("skuId") String skuId,
                                              @QueryParam("assignment") @DefaultValue("any") String assignment,
                                              @QueryParam("after") String after,
                                              @QueryParam("limit") @DefaultValue("100") String limit) {
        known(connectionId);
        if (!GUID.matcher(skuId).matches()) {
            throw ApiException.badRequest("skuId must be a GUID",
                    new ApiError.Problem("skuId", "'" + skuId + "' is not a GUID"));
        }
        UtilisationQueries.AssignmentFilter filter = switch (assignment) {
            case "any" -> UtilisationQueries.AssignmentFilter.ANY;
            case "direct" -> UtilisationQueries.AssignmentFilter.DIRECT;
            case "inherited" -> UtilisationQueries.AssignmentFilter.INHERITED_ONLY;
            default -> throw ApiException.badRequest("assignment must be any, direct or inherited",
                    new ApiError.Problem("assignment", "'" + assignment + "' is not one of any, direct, inherited"));
        };
        int size = checkedLimit(limit);
        List<InactiveHolder> page = utilisation.inactiveHolders(connectionId, skuId, filter, after, size);
        return new Page<>(page, page.size() < size ? null : page.getLast().userId());
    }

    @GET
    @Path("/ingestion")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(summary = "Ingestion status: days present and pending, next call, throttle and concealed state")
    public IngestionStatus ingestion(@PathParam("connectionId") String connectionId) {
        known(connectionId);
        return status.status(connectionId)
                .orElseThrow(() -> ApiException.notFound("ingestion of connection " + connectionId
                        + " (it has not started: the connection needs Reports.Read.All)"));
    }

    @POST
    @Path("/ingestion")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Ask every day of the window again (within the report throttle)")
    public Response triggerIngestion(@PathParam("connectionId") String connectionId) {
        known(connectionId);
        int days = queue.requeue(connectionId, Report.M365_APP_USER_DETAIL, clock.instant());
        return Response.accepted(Map.of("connectionId", connectionId, "daysQueued", days)).build();
    }

    @PUT
    @Path("/ingestion/unconceal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Opt in (or out): with ReportSettings.ReadWrite.All granted, the service turns report "
            + "concealment off itself (PATCH /admin/reportSettings) when it finds concealed names, then ingests again")
    public Response unconceal(@PathParam("connectionId") String connectionId, UnconcealRequest request) {
        known(connectionId);
        if (request == null || request.enabled() == null) {
            throw ApiException.badRequest("a body {\"enabled\": true|false} is required",
                    new ApiError.Problem("enabled", "missing"));
        }
        if (!concealment.optIn(connectionId, request.enabled())) {
            throw ApiException.notFound("ingestion of connection " + connectionId);
        }
        return Response.ok(Map.of("connectionId", connectionId, "unconcealOptIn", request.enabled())).build();
    }

    @POST
    @Path("/republish")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Publish the connection's stored daily usage and utilisation again")
    public Response republish(@PathParam("connectionId") String connectionId) {
        TrackedConnection connection = known(connectionId);
        int days = dailyPublisher.republish(connectionId);
        int skus = utilisationPublisher.publishAll(connectionId, connection.tenantId());
        return Response.accepted(Map.of("connectionId", connectionId, "daysQueued", days, "skusPublished", skus))
                .build();
    }

    private TrackedConnection known(String connectionId) {
        return connections.find(connectionId)
                .orElseThrow(() -> ApiException.notFound("connection " + connectionId));
    }

    private static int checkedLimit(String text) {
        int limit;
        try {
            limit = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be a number between 1 and " + MAX_LIMIT,
                    new ApiError.Problem("limit", "'" + text + "' is not between 1 and " + MAX_LIMIT));
        }
        return limit;
    }
}
