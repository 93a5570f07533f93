package io.m365platform.sync.resource.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.teams.InstalledApp;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.resource.PerParentResourceSync;
import io.m365platform.sync.run.RunMode;

import java.util.List;

import static io.m365platform.sync.resource.GraphJson.instant;
import static io.m365platform.sync.resource.GraphJson.text;

/**
 * Teams apps installed in each member user's personal scope ({@code /users/{id}/teamwork/installedApps}); one
 * request per user, so Teams connections and full runs only.
 */
public final class InstalledAppsSync extends PerParentResourceSync {

    @Override
    public SyncResource resource() {
        return SyncResource.INSTALLED_APPS;
    }

    @Override
    public List<String> permissions() {
        return List.of("TeamsAppInstallation.ReadForUser.All", "TeamsAppInstallation.ReadWriteSelfForUser.All",
                "TeamsAppInstallation.ReadWriteForUser.All");
    }

    @Override
    protected EntityKind<?> childKind() {
        return InstalledAppKind.INSTANCE;
    }

    @Override
    protected String ownersQuery(RunMode mode) {
        return "select object_id from users where connection_id = ? and object_id > ? order by object_id";
    }

    @Override
    protected String request(String userId) {
        return "/users/" + userId + "/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition";
    }

    @Override
    protected ItemMapper mapper(String userId) {
        return (a, changes) -> {
            JsonNode app = a.get("teamsApp");
            JsonNode definition = a.get("teamsAppDefinition");
            String teamsAppId = text(app, "id") != null ? text(app, "id") : text(definition, "teamsAppId");
            if (teamsAppId == null) {
                return;
            }
            JsonNode authorization = definition == null ? null : definition.get("authorization");
            changes.upsert(InstalledAppKind.INSTANCE, new InstalledApp(userId, text(a, "id"), teamsAppId,
                    text(app, "externalId"), text(app, "displayName") != null ? text(app, "displayName")
                            : text(definition, "displayName"),
                    text(app, "distributionMethod"), text(definition, "id"), text(definition, "version"),
                    text(definition, "publishingState"), text(definition, "shortDescription"),
                    text(authorization, "clientAppId"), instant(definition, "lastModifiedDateTime")));
        };
    }
}
