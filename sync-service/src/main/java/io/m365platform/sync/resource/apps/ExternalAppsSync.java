package io.m365platform.sync.resource.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.apps.ApplicationPermission;
import io.m365platform.contracts.apps.ConsentType;
import io.m365platform.contracts.apps.DelegatedConsent;
import io.m365platform.contracts.apps.ExternalApp;
import io.m365platform.contracts.apps.VerifiedPublisher;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.engine.ResourceSync;
import io.m365platform.sync.engine.RunScope;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.resource.GraphJson;
import io.m365platform.sync.run.RunMode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.m365platform.sync.resource.GraphJson.bool;
import static io.m365platform.sync.resource.GraphJson.instant;
import static io.m365platform.sync.resource.GraphJson.text;
import static io.m365platform.sync.resource.GraphJson.texts;

/**
 * Third-party apps: service principals owned neither by Microsoft nor by the tenant, with the delegated consents
 * they hold (per user and admin consent for all) and their application permissions. Two phases: the tenant's OAuth2
 * permission grants are staged page by page (they can be many), then the service principals are read and each
 * third-party one is published with its grants and its app role assignments
 * ({@code GET /servicePrincipals/{id}/appRoleAssignments}, one request per third-party app; permission values from
 * the resource's {@code appRoles}, read once per resource). Apps holding neither a consent nor an application
 * permission are not published (revoking the last one deletes the app's entity).
 */
public final class ExternalAppsSync implements ResourceSync {

    /** Microsoft's first-party app owner tenants (Microsoft Services, Microsoft corp). */
    static final Set<String> MICROSOFT_OWNERS = Set.of("f8cdef31-a31e-4b4a-93e4-5f571e91255a",
            "72f988bf-86f1-41af-91ab-2d7cd011db47");
    private static final String APPS_PHASE = "service-principals";

    @Override
    public SyncResource resource() {
        return SyncResource.EXTERNAL_APPS;
    }

    @Override
    public List<String> permissions() {
        return List.of("Directory.Read.All", "Directory.ReadWrite.All");
    }

    /**
     * Full runs; incremental runs only when they deleted users (Graph drops the consents of deleted users, which
     * changes the apps they had consented to).
     */
    @Override
    public boolean appliesTo(RunMode mode, KnownConnection connection) {
        return mode.isSync();
    }

    @Override
    public void sync(StepScope step) {
        if (step.run().run().mode() == RunMode.INCREMENTAL && step.status() == io.m365platform.sync.run.StepStatus.PENDING
                && step.deletedInThisRun(SyncResource.USERS) == 0) {
            step.begin(StepScope.FULL);
            step.complete("not needed: no user was deleted in this incremental run");
            return;
        }
        step.begin(StepScope.FULL);
        step.sweep(ExternalAppKind.INSTANCE);
        RunScope run = step.run();
        if (!step.readingFinished()) {
            if (!APPS_PHASE.equals(step.checkpoint().cursor())) {
                step.readPhase("/oauth2PermissionGrants", Map.of(), stageGrants(run), null, APPS_PHASE);
            }
            step.readPhase("/servicePrincipals", Map.of(), apps(run), APPS_PHASE, null);
        }
        step.queueUnseen(ExternalAppKind.INSTANCE);
        step.applyDeletions(ExternalAppKind.INSTANCE, false);
        run.engine().jdbc().inTransactionVoid(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from app_grant_stage where run_id = ?")) {
                ps.setObject(1, run.runId());
                ps.executeUpdate();
            }
        });
        step.complete("full reconcile");
    }

    private static ItemMapper stageGrants(RunScope run) {
        return (grant, changes) -> {
            String clientId = text(grant, "clientId");
            String grantId = text(grant, "id");
            if (clientId == null || grantId == null) {
                return;
            }
            GrantStage.of(changes, run).add(clientId, grantId, grant.toString());
        };
    }

    private static ItemMapper apps(RunScope run) {
        Map<String, Resource> resources = new HashMap<>();
        return (sp, changes) -> {
            if (!isThirdParty(sp, run.tenantId())) {
                return;
            }
            String spId = text(sp, "id");
            List<DelegatedConsent> consents = new ArrayList<>();
            for (JsonNode grant : stagedGrants(run, spId)) {
                String resourceId = text(grant, "resourceId");
                String consentType = text(grant, "consentType");
                consents.add(new DelegatedConsent(text(grant, "id"),
                        "AllPrincipals".equals(consentType) ? ConsentType.ALL_PRINCIPALS : ConsentType.PRINCIPAL,
                        text(grant, "principalId"), resourceId, resource(run, resources, resourceId).displayName(),
                        scopes(text(grant, "scope"))));
            }
            List<ApplicationPermission> permissions = applicationPermissions(run, resources, spId);
            if (consents.isEmpty() && permissions.isEmpty()) {
                return;
            }
            consents.sort(Comparator.comparing(DelegatedConsent::grantId));
            VerifiedPublisher publisher = publisher(sp.get("verifiedPublisher"));
            // Graph v1.0 has no servicePrincipal.publisherName: the verified publisher's name is the best there is.
            String publisherName = text(sp, "publisherName") != null ? text(sp, "publisherName")
                    : publisher == null ? null : publisher.displayName();
            changes.upsert(ExternalAppKind.INSTANCE, ExternalApp.of(spId, text(sp, "appId"), text(sp, "displayName"),
                    publisherName, publisher,
                    text(sp, "appOwnerOrganizationId"), text(sp, "servicePrincipalType"), text(sp, "signInAudience"),
                    text(sp, "homepage"), texts(sp, "tags").stream().sorted().toList(), bool(sp, "accountEnabled"),
                    consents, permissions));
        };
    }

    /** The app roles granted to a service principal, sorted by assignment id (all pages). */
    private static List<ApplicationPermission> applicationPermissions(RunScope run, Map<String, Resource> resources,
                                                                      String spId) {
        List<ApplicationPermission> out = new ArrayList<>();
        String url = "/servicePrincipals/" + spId + "/appRoleAssignments";
        while (url != null) {
            JsonNode page;
            try {
                page = run.graph().requests().get(url);
            } catch (GraphRequestException e) {
                if (e.isNotFound()) {
                    return List.of(); // deleted since the list was read
                }
                throw e;
            }
            for (JsonNode a : GraphJson.array(page, "value")) {
                String id = text(a, "id");
                String resourceId = text(a, "resourceId");
                String appRoleId = text(a, "appRoleId");
                if (id == null || resourceId == null || appRoleId == null) {
                    continue;
                }
                Resource resource = resource(run, resources, resourceId);
                String resourceName = text(a, "resourceDisplayName") != null ? text(a, "resourceDisplayName")
                        : resource.displayName();
                out.add(new ApplicationPermission(id, resourceId, resourceName, appRoleId,
                        resource.appRoles().get(appRoleId), instant(a, "createdDateTime")));
            }
            url = text(page, "@odata.nextLink");
        }
        out.sort(Comparator.comparing(ApplicationPermission::assignmentId));
        return out;
    }

    static boolean isThirdParty(JsonNode sp, String tenantId) {
        String owner = text(sp, "appOwnerOrganizationId");
        return owner != null && !MICROSOFT_OWNERS.contains(owner) && !owner.equalsIgnoreCase(tenantId)
                && !"ManagedIdentity".equals(text(sp, "servicePrincipalType"));
    }

    private static List<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.trim().split("\\s+")).distinct().sorted().toList();
    }

    private static VerifiedPublisher publisher(JsonNode p) {
        if (p == null || (text(p, "displayName") == null && text(p, "verifiedPublisherId") == null)) {
            return null;
        }
        return new VerifiedPublisher(text(p, "displayName"), text(p, "verifiedPublisherId"),
                instant(p, "addedDateTime"));
    }

    /** A consented API (Microsoft Graph...): its name and app roles (id → permission value). */
    private record Resource(String displayName, Map<String, String> appRoles) {
        static final Resource UNKNOWN = new Resource(null, Map.of());
    }

    /** Few distinct APIs are consented to, so one GET each per run. */
    private static Resource resource(RunScope run, Map<String, Resource> cache, String resourceId) {
        if (resourceId == null) {
            return Resource.UNKNOWN;
        }
        synchronized (cache) {
            return cache.computeIfAbsent(resourceId, id -> {
                try {
                    JsonNode sp = run.graph().requests().get("/servicePrincipals/" + id + "?$select=id,displayName,appRoles");
                    Map<String, String> roles = new HashMap<>();
                    for (JsonNode r : GraphJson.array(sp, "appRoles")) {
                        if (text(r, "id") != null && text(r, "value") != null) {
                            roles.put(text(r, "id"), text(r, "value"));
                        }
                    }
                    return new Resource(text(sp, "displayName"), roles);
                } catch (GraphRequestException e) {
                    if (e.isNotFound()) {
                        return Resource.UNKNOWN;
                    }
                    throw e;
                }
            });
        }
    }

    private static List<JsonNode> stagedGrants(RunScope run, String clientId) {
        return run.engine().jdbc().withConnection(c -> {
            List<JsonNode> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select data from app_grant_stage where run_id = ? "
                    + "and client_id = ? order by grant_id")) {
                ps.setObject(1, run.runId());
                ps.setString(2, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            out.add(run.engine().catalog().mapper().readTree(rs.getString(1)));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The grants of one page, staged in the page's transaction. */
    private static final class GrantStage {
        private final RunScope run;
        private final List<String[]> rows = new ArrayList<>();

        private GrantStage(RunScope run) {
            this.run = run;
        }

        static GrantStage of(PageChanges changes, RunScope run) {
            return changes.attachment(GrantStage.class, c -> {
                GrantStage stage = new GrantStage(run);
                c.write(stage::apply);
                return stage;
            });
        }

        void add(String clientId, String grantId, String json) {
            rows.add(new String[] {clientId, grantId, json});
        }

        private void apply(java.sql.Connection c) throws java.sql.SQLException {
            try (PreparedStatement ps = c.prepareStatement("insert into app_grant_stage (run_id, client_id, grant_id, "
                    + "data) values (?, ?, ?, ?::jsonb) on conflict do nothing")) {
                for (String[] row : rows) {
                    ps.setObject(1, run.runId());
                    ps.setString(2, row[0]);
                    ps.setString(3, row[1]);
                    ps.setString(4, row[2]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

}
