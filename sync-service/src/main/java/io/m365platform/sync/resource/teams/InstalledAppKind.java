package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.teams.InstalledApp;
import io.m365platform.contracts.teams.InstalledAppDeleted;
import io.m365platform.contracts.teams.InstalledAppSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.EventContext;

import java.util.List;

/** Teams apps in a user's personal scope: table {@code installed_apps} (owned by the user), topic {@code m365.teams.installed-apps}, key {@code {connectionId}/{userId}/{teamsAppId}}. */
public final class InstalledAppKind extends BaseKind<InstalledApp> {

    public static final InstalledAppKind INSTANCE = new InstalledAppKind();

    private InstalledAppKind() {
        super("installed-app", SyncResource.INSTALLED_APPS, "installed_apps", Topic.TEAMS_INSTALLED_APPS, InstalledApp.class, List.of(
                Column.text("teams_app_id", InstalledApp::teamsAppId),
                Column.text("display_name", InstalledApp::displayName),
                Column.text("distribution_method", InstalledApp::distributionMethod)));
    }

    @Override
    public String objectId(InstalledApp s) {
        return EventKey.of(s.userId(), s.teamsAppId());
    }

    @Override
    public String parentId(InstalledApp s) {
        return s.userId();
    }

    @Override
    public String kafkaKey(String connectionId, InstalledApp s) {
        return InstalledAppSynced.key(connectionId, s.userId(), s.teamsAppId());
    }

    @Override
    public SyncedEntityEvent synced(InstalledApp s, EventContext c) {
        return new InstalledAppSynced(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s);
    }

    @Override
    public SyncedEntityEvent deleted(InstalledApp s, DeletionReason reason, EventContext c) {
        return new InstalledAppDeleted(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s.userId(), s.teamsAppId(), reason);
    }
}
