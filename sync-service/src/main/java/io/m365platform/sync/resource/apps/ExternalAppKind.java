package io.m365platform.sync.resource.apps;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.apps.ExternalApp;
import io.m365platform.contracts.apps.ExternalAppDeleted;
import io.m365platform.contracts.apps.ExternalAppSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Third-party apps with their consents: table {@code external_apps}, topic {@code m365.apps.external}, key {@code {connectionId}/{servicePrincipalId}}. */
public final class ExternalAppKind extends BaseKind<ExternalApp> {

    public static final ExternalAppKind INSTANCE = new ExternalAppKind();

    private ExternalAppKind() {
        super("external-app", SyncResource.EXTERNAL_APPS, "external_apps", Topic.APPS_EXTERNAL, ExternalApp.class, List.of(
                Column.text("display_name", ExternalApp::displayName),
                Column.text("publisher_name", ExternalApp::publisherName),
                Column.bool("admin_consented", ExternalApp::adminConsented),
                Column.integer("consented_user_count", ExternalApp::consentedUserCount)),
                KindIdentity.of(ExternalApp::servicePrincipalId, ExternalAppSynced::key, ExternalAppDeleted::new),
                ExternalAppSynced::new);
    }
}
