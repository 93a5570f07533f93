package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.teams.InstalledApp;
import io.m365platform.contracts.teams.InstalledAppDeleted;
import io.m365platform.contracts.teams.InstalledAppSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Teams apps in a user's personal scope: table {@code installed_apps} (owned by the user), topic {@code m365.teams.installed-apps}, key {@code {connectionId}/{userId}/{teamsAppId}}. */
public final class InstalledAppKind extends BaseKind<InstalledApp> {

    public static final InstalledAppKind INSTANCE = new InstalledAppKind();

    private InstalledAppKind() {
        super("installed-app", SyncResource.INSTALLED_APPS, "installed_apps", Topic.TEAMS_INSTALLED_APPS, InstalledApp.class, List.of(
                Column.text("teams_app_id", InstalledApp::teamsAppId),
                Column.text("display_name", InstalledApp::displayName),
                Column.text("distribution_method", InstalledApp::distributionMethod)),
                KindIdentity.owned(InstalledApp::userId, InstalledApp::teamsAppId, InstalledAppSynced::key,
                        InstalledAppDeleted::new),
                InstalledAppSynced::new);
    }
}
