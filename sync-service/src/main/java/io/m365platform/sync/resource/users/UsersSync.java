package io.m365platform.sync.resource.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graph.paging.DeltaItems;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.PageChanges;
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
 * page that shows it gone. With AuditLog.Read.All the step begins with a {@link SignInActivities} phase (delta does
 * not return signInActivity) and every user of the round is completed with the sign-in activity it read, so that a
 * user is published once with it, not once without and again with it.
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

    /** Before the delta round: the sign-in activity (AuditLog.Read.All only), which completes the round's users. */
    @Override
    protected void beforeReading(StepScope step) {
        SignInActivities.readIfDue(step);
    }

    @Override
    protected ItemMapper mapper(StepScope step, boolean full) {
        Map<String, String> skuNames = SkuPartNumbers.load(step.run());
        PageChanges.Completion<DirectoryUser> signIns = SignInActivities.granted(step.run())
                ? SignInActivities.completion(step.run().connectionId()) : null;
        return (JsonNode item, PageChanges changes) -> {
            String id = text(item, "id");
            if (id == null) {
                return;
            }
            if (DeltaItems.isRemoved(item)) {
                changes.removed(UserKind.INSTANCE, id, DeletionReasons.of(DeltaItems.removedReason(item).orElse("deleted")));
                return;
            }
            DirectoryUser user = UserMapper.map(item);
            if (UserMapper.knowsManager(item)) {
                changes.upsert(UserKind.INSTANCE, user);
            } else {
                changes.upsertPartial(UserKind.INSTANCE, user, UserMapper::withManagerOf);
            }
            if (signIns != null) {
                // delta never carries signInActivity: the last sign-in read kept it beside the users table
                changes.complete(UserKind.INSTANCE, signIns);
            }
            changes.replaceChildren(LicenseAssignmentKind.INSTANCE, id, LicenseAssignments.of(user, item, skuNames));
        };
    }
}
