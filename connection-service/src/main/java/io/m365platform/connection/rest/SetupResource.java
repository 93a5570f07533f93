package io.m365platform.connection.rest;

import io.m365platform.connection.capability.CapabilityCatalogue;
import io.m365platform.connection.capability.CapabilityEvaluator;
import io.m365platform.connection.capability.CapabilityRow;
import io.m365platform.connection.capability.PermissionKind;
import io.m365platform.contracts.WireName;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.service.security.Roles;
import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** The setup guides' permission lists, for the UI's "connect a tenant" page. */
@Path("/setup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Setup", description = "What to grant before connecting a tenant")
@SecurityRequirement(name = "SecurityScheme")
public class SetupResource {

    private final CapabilityCatalogue catalogue;
    private final CapabilityEvaluator evaluator;

    public SetupResource(CapabilityCatalogue catalogue, CapabilityEvaluator evaluator) {
        this.catalogue = catalogue;
        this.evaluator = evaluator;
    }

    /** The permissions to grant and the capability table they give. */
    @Schema(name = "SetupPermissions")
    public record SetupPermissions(Product product, ConnectionMethod method, PermissionLevel permissionLevel,
                                   @Schema(enumeration = {"application", "delegated"}) String permissionType,
                                   @Schema(description = "Microsoft Graph permissions to grant (admin consent)")
                                   List<String> permissions,
                                   @Schema(description = "The capability table once they are granted")
                                   List<CapabilityRow> capabilities) {
    }

    @GET
    @Path("/permissions")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Permissions to grant for a product, method and level",
            description = "The Microsoft Graph permission list of the product's setup guide and the capability table a"
                    + " connection gets when exactly these are granted.")
    public SetupPermissions permissions(
            @QueryParam("product") @Parameter(required = true, schema = @Schema(enumeration = {"microsoft-365", "microsoft-teams"})) String product,
            @QueryParam("method") @Parameter(required = true, schema = @Schema(enumeration = {"app-registration", "admin-user"})) String method,
            @QueryParam("level") @Parameter(required = true, schema = @Schema(enumeration = {"read", "read-write"})) String level) {
        Product p = required("product", product, w -> WireName.parse(Product.class, w));
        ConnectionMethod m = required("method", method, w -> WireName.parse(ConnectionMethod.class, w));
        PermissionLevel l = required("level", level, w -> WireName.parse(PermissionLevel.class, w));
        PermissionKind kind = PermissionKind.of(m);
        List<String> permissions = catalogue.product(p).permissionsFor(kind, l);
        List<CapabilityRow> rows = evaluator.evaluate(p, m, l, new HashSet<>(permissions), Map.of(), "<client id>").rows();
        return new SetupPermissions(p, m, l, kind.catalogueKey(), permissions, rows);
    }

    private static <T> T required(String name, String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name + " is required", new ApiError.Problem(name, "is required"));
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + ": " + e.getMessage(), new ApiError.Problem(name, e.getMessage()));
        }
    }
}
