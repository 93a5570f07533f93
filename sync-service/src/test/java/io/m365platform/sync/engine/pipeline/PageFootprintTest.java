package io.m365platform.sync.engine.pipeline;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.resource.users.LicenseAssignmentKind;
import io.m365platform.sync.resource.users.UserKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a page may be prepared while the page before is still being written: only when it names nothing that write
 * touches (an object, an owner of children, a child gone from an owner's list).
 */
class PageFootprintTest {

    private static final String SKU = UUID.randomUUID().toString();

    private static DirectoryUser user(String id) {
        return new DirectoryUser(id, id + "@contoso.example", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, List.of(), null, true, "Member", null, null, null, null, List.of(), null,
                null, null, null);
    }

    private static LicenseAssignment license(String userId) {
        return new LicenseAssignment(userId, userId + "@contoso.example", SKU, "SPE_E5", true, List.of(), List.of(),
                List.of());
    }

    /** A users page as UsersSync makes it: each user, and the complete list of its licenses. */
    private static PageChanges usersPage(String... ids) {
        PageChanges page = new PageChanges();
        for (String id : ids) {
            page.upsert(UserKind.INSTANCE, user(id));
            page.replaceChildren(LicenseAssignmentKind.INSTANCE, id, List.of(license(id)));
        }
        return page;
    }

    @Test
    void pagesOfOtherUsersDoNotWait() {
        PageFootprint writing = PageFootprint.of(usersPage("u1", "u2"));
        assertFalse(writing.overlaps(usersPage("u3", "u4")));
    }

    @Test
    void aUserRepeatedOnTheNextPageWaits() {
        PageFootprint writing = PageFootprint.of(usersPage("u1", "u2"));
        assertTrue(writing.overlaps(usersPage("u3", "u2")));
    }

    @Test
    void anOwnerWhoseChildrenTheWriteChangesWaits() {
        // the next page only lists u1's licenses again (e.g. a user with the same licenses, reported twice)
        PageFootprint writing = PageFootprint.of(usersPage("u1"));
        PageChanges next = new PageChanges().replaceChildren(LicenseAssignmentKind.INSTANCE, "u1", List.of());
        assertTrue(writing.overlaps(next));
        // a child upserted without its owner's list names its owner too
        PageFootprint children = PageFootprint.of(new PageChanges().upsert(LicenseAssignmentKind.INSTANCE,
                license("u7")));
        assertTrue(children.overlaps(new PageChanges().replaceChildren(LicenseAssignmentKind.INSTANCE, "u7",
                List.of())));
    }

    @Test
    void removalsAndChildrenGoneCountAsWrites() {
        PageFootprint writing = PageFootprint.of(new PageChanges().removed(UserKind.INSTANCE, "u5",
                DeletionReason.HARD_DELETED));
        assertTrue(writing.overlaps(usersPage("u5")), "a user removed, then seen again");
        PageFootprint orphans = PageFootprint.of(usersPage("u1"))
                .alsoWrites(LicenseAssignmentKind.INSTANCE, List.of("u1/old-sku"));
        assertTrue(orphans.overlaps(new PageChanges().deleteNow(LicenseAssignmentKind.INSTANCE, "u1/old-sku")));
    }

    @Test
    void kindsAreApart() {
        // the same id in another kind is another object
        PageFootprint writing = PageFootprint.of(new PageChanges().upsert(UserKind.INSTANCE, user("x1")));
        assertFalse(writing.overlaps(new PageChanges().deleteNow(LicenseAssignmentKind.INSTANCE, "x1/sku")));
    }
}
