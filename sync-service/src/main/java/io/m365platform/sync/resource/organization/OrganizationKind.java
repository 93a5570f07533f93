package io.m365platform.sync.resource.organization;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.Organization;
import io.m365platform.contracts.directory.OrganizationSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** The organization: table {@code organization}, topic {@code m365.directory.organization}, key {@code {connectionId}/{organizationId}}. There is no deleted event type: a withdrawn organization is a tombstone. */
public final class OrganizationKind extends BaseKind<Organization> {

    public static final OrganizationKind INSTANCE = new OrganizationKind();

    private OrganizationKind() {
        super("organization", SyncResource.ORGANIZATION, "organization", Topic.DIRECTORY_ORGANIZATION, Organization.class, List.of(
                Column.text("display_name", Organization::displayName)),
                KindIdentity.of(Organization::id, OrganizationSynced::key, null),
                OrganizationSynced::new);
    }
}
