package io.m365platform.sync.rest;

import io.m365platform.contracts.directory.DirectoryGroup;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.GroupMembership;
import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.contracts.directory.SubscribedSku;
import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiException;
import io.m365platform.sync.connection.ConnectionRepository;
import io.m365platform.sync.query.DirectoryQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The synced directory of a connection: users, licenses, groups, memberships (keyset-paged). */
@Path("/connections/{connectionId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Synced directory", description = "Users, licenses and groups as last synced")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.OPERATOR)
public class DirectoryResource {

    private final DirectoryQueries queries;
    private final ConnectionRepository connections;

    public DirectoryResource(DirectoryQueries queries, ConnectionRepository connections) {
        this.queries = queries;
        this.connections = connections;
    }

    @GET
    @Path("/users")
    @Operation(summary = "Synced users, filtered and paged")
    @APIResponse(responseCode = "404", description = "Unknown connection", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public PageView<DirectoryUser> users(
            @PathParam("connectionId") String connectionId,
            @Parameter(description = "true: only guests; false: only members") @QueryParam("guest") Boolean guest,
            @Parameter(description = "true: only disabled accounts; false: only enabled") @QueryParam("disabled") Boolean disabled,
            @Parameter(description = "true: only users without any license; false: only licensed") @QueryParam("unlicensed") Boolean unlicensed,
            @Parameter(description = "prefix of UPN, display name or mail") @QueryParam("search") String search,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        require(connectionId);
        return view(queries.users(connectionId, new DirectoryQueries.UserFilter(guest, disabled, unlicensed, search),
                cursor, limit));
    }

    @GET
    @Path("/users/{userId}")
    @Operation(summary = "One synced user with the licenses it holds (direct and group-inherited)")
    public UserDetailView user(@PathParam("connectionId") String connectionId, @PathParam("userId") String userId) {
        require(connectionId);
        DirectoryUser user = queries.user(connectionId, userId)
                .orElseThrow(() -> ApiException.notFound("User " + userId));
        return new UserDetailView(user, queries.licensesOfUser(connectionId, userId));
    }

    @GET
    @Path("/licenses")
    @Operation(summary = "Subscribed SKUs with enabled, suspended, warning, consumed and unassigned units")
    public List<SubscribedSku> licenses(@PathParam("connectionId") String connectionId) {
        require(connectionId);
        return queries.skus(connectionId);
    }

    @GET
    @Path("/licenses/{skuId}/assignments")
    @Operation(summary = "Users holding a SKU, with how (direct or through which groups)")
    public PageView<LicenseAssignment> assignments(@PathParam("connectionId") String connectionId,
                                                   @PathParam("skuId") String skuId,
                                                   @QueryParam("cursor") String cursor,
                                                   @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        require(connectionId);
        return view(queries.assignmentsOfSku(connectionId, skuId, cursor, limit));
    }

    @GET
    @Path("/groups")
    @Operation(summary = "Synced groups, filtered and paged")
    public PageView<DirectoryGroup> groups(
            @PathParam("connectionId") String connectionId,
            @QueryParam("kind") @Pattern(regexp = "security|microsoft365|dynamic|distribution",
                    message = "must be security, microsoft365, dynamic or distribution") String kind,
            @Parameter(description = "true: only Teams-enabled groups") @QueryParam("team") Boolean team,
            @QueryParam("search") String search,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        require(connectionId);
        return view(queries.groups(connectionId, kind, team, search, cursor, limit));
    }

    @GET
    @Path("/groups/{groupId}/members")
    @Operation(summary = "Members of a group: direct, and transitive through nested groups")
    public PageView<GroupMembership> members(
            @PathParam("connectionId") String connectionId,
            @PathParam("groupId") String groupId,
            @QueryParam("relation") @Pattern(regexp = "direct|transitive", message = "must be direct or transitive")
            String relation,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        require(connectionId);
        queries.group(connectionId, groupId).orElseThrow(() -> ApiException.notFound("Group " + groupId));
        return view(queries.members(connectionId, groupId, relation, cursor, limit));
    }

    private void require(String connectionId) {
        connections.find(connectionId).orElseThrow(() -> ApiException.notFound("Connection " + connectionId));
    }

    private static <T> PageView<T> view(DirectoryQueries.Page<T> page) {
        return new PageView<>(page.items(), page.nextCursor());
    }

    /** A user and its license assignments. */
    public record UserDetailView(DirectoryUser user, List<LicenseAssignment> licenses) {
    }
}
