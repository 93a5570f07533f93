package io.m365platform.sync.resource.users;

import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.UserDeleted;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Users: table {@code users}, topic {@code m365.directory.users}, key {@code {connectionId}/{userId}}. */
public final class UserKind extends BaseKind<DirectoryUser> {

    public static final UserKind INSTANCE = new UserKind();

    private UserKind() {
        super("user", SyncResource.USERS, "users", Topic.DIRECTORY_USERS, DirectoryUser.class, List.of(
                Column.text("user_principal_name", DirectoryUser::userPrincipalName),
                Column.text("display_name", DirectoryUser::displayName),
                Column.text("mail", DirectoryUser::mail),
                Column.text("user_type", DirectoryUser::userType),
                Column.bool("account_enabled", DirectoryUser::accountEnabled),
                Column.text("department", DirectoryUser::department),
                Column.text("job_title", DirectoryUser::jobTitle),
                Column.text("usage_location", DirectoryUser::usageLocation),
                Column.text("manager_id", DirectoryUser::managerId),
                Column.timestamp("created_date_time", DirectoryUser::createdDateTime),
                Column.integer("license_count", u -> u.assignedLicenses().size())),
                KindIdentity.of(DirectoryUser::id, UserSynced::key, UserDeleted::new),
                UserSynced::new);
    }
}
