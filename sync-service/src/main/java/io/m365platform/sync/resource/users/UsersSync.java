package io.m365platform.sync.resource.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graph.paging.DeltaItems;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.resource.DeltaResourceSync;
import io.m365platform.sync.resource.licenses.SkuPartNumbers;

import java.util.List;
import java.util.Map;

import static io.m365platform.sync.resource.GraphJson.text;

/**
 * Users and their license assignments, by users delta ({@code /users/delta}). Assignments come from each user's
 * {@code licenseAssignmentStates} and replace the user's stored ones, so a removed license is deleted with the
 * page that shows it gone. With AuditLog.Read.All the step ends with a {@link SignInActivities} phase (delta does not
 * return signInActivity), and delta items keep the stored signInActivity.
 */
public final class UsersSync extends DeltaResourceSync {

    @Override
    public SyncResource resource() {
        return SyncResource.USERS;
    }

    @Override
    public List<SyncResource> companions() {
        return List.of(SyncResource.LICENSE_ASSIGNMENTS);
    }

    @Override
    public List<String> permissions() {
        return List.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    }

    @Override
    protected EntityKind<?> kind() {
        return UserKind.INSTANCE;
    }

    @Override
    protected String firstRequest() {
        return "/users/delta?$select=" + UserMapper.SELECT;
    }

    /** After the delta round and its deletions: the sign-in activity (AuditLog.Read.All only). */
    @Override
    protected void beforeCompletion(StepScope step) {
        SignInActivities.readIfDue(step);
    }

    @Override
    protected ItemMapper mapper(StepScope step, boolean full) {
        Map<String, String> skuNames = SkuPartNumbers.load(step.run());
        boolean signIns = SignInActivities.granted(step.run());
        return (JsonNode item, io.m365platform.sync.engine.PageChanges changes) -> {
            String id = text(item, "id");
            if (id == null) {
                return;
            }
            if (DeltaItems.isRemoved(item)) {
                changes.removed(UserKind.INSTANCE, id, DeletionReasons.of(DeltaItems.removedReason(item).orElse("deleted")));
                return;
            }
            DirectoryUser user = UserMapper.map(item);
            boolean knowsManager = UserMapper.knowsManager(item);
            if (signIns) {
                // delta never carries signInActivity: keep what the last sign-in read stored
                changes.upsertPartial(UserKind.INSTANCE, user, knowsManager ? UserMapper::withSignInActivityOf
                        : UserMapper::withManagerAndSignInActivityOf);
            } else if (knowsManager) {
                changes.upsert(UserKind.INSTANCE, user);
            } else {
                changes.upsertPartial(UserKind.INSTANCE, user, UserMapper::withManagerOf);
            }
            changes.replaceChildren(LicenseAssignmentKind.INSTANCE, id, LicenseAssignments.of(user, item, skuNames));
        };
    }
}
