package io.m365platform.graphsim.writes;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.drives.item.items.item.copy.CopyPostRequestBody;
import com.microsoft.graph.models.Drive;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.ItemReference;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.middleware.options.HeadersInspectionOption;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimClients;
import io.m365platform.graphsim.SimControl;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OneDrive through the Graph SDK v6: drive lookup, listing, cross-user copy with its unauthenticated monitor, delete. */
class DriveWritesTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static GraphServiceClient files;
    static GraphServiceClient reader;
    static SimControl control;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new GenerationSpec(61, 60, "drives"));
        files = client("files", "Files.ReadWrite.All");
        reader = client("files reader", "Files.Read.All");
        control = new SimControl(sim);
    }

    static GraphServiceClient client(String name, String... permissions) {
        RegisteredApp app = tenant.apps().register(Registration.of(name, Set.of(permissions)));
        return SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret()));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static List<User> driveUsers() {
        return tenant.read(() -> tenant.userTable().liveValues().stream().filter(u -> tenant.hasServicePlan(u, "SHAREPOINTENTERPRISE")).toList());
    }

    static CopyPostRequestBody copyTo(String driveId, String folderId, String name) {
        CopyPostRequestBody b = new CopyPostRequestBody();
        ItemReference parent = new ItemReference();
        parent.setDriveId(driveId);
        parent.setId(folderId);
        b.setParentReference(parent);
        b.setName(name);
        return b;
    }

    /** Starts a copy, checks the 202 and returns the monitor URL (from the Location header). */
    static String copy(String driveId, String itemId, CopyPostRequestBody body, String conflictBehavior) {
        HeadersInspectionOption headers = new HeadersInspectionOption(false, true);
        var builder = files.drives().byDriveId(driveId).items().byDriveItemId(itemId).copy();
        if (conflictBehavior != null) {
            builder = builder.withUrl(sim.graphBaseUrl() + "/drives/" + driveId + "/items/" + itemId + "/copy?@microsoft.graph.conflictBehavior=" + conflictBehavior);
        }
        DriveItem none = builder.post(body, rc -> rc.options.add(headers));
        assertNull(none, "202 Accepted has no body");
        return headers.getResponseHeaders().get("Location").iterator().next();
    }

    static JsonNode waitFor(String monitor) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            SimControl.Response r = control.get(monitor);   // no Authorization: the monitor is pre-authenticated
            JsonNode status = r.json();
            assertEquals("ItemCopy", status.get("operation").asText());
            if (!"inProgress".equals(status.get("status").asText())) {
                assertEquals(200, r.status());
                return status;
            }
            assertEquals(202, r.status());
            assertTrue(status.get("percentageComplete").asDouble() < 100);
            Thread.sleep(100);
        }
        throw new AssertionError("copy did not finish");
    }

    @Test
    void copyAcrossUsersReportsProgressThenTheNewItem() throws Exception {
        User source = driveUsers().get(1);
        User target = driveUsers().get(2);
        Drive sourceDrive = files.users().byUserId(source.id()).drive().get();
        Drive targetDrive = files.users().byUserId(target.userPrincipalName()).drive().get();
        assertTrue(sourceDrive.getId().startsWith("b!"));
        assertEquals("business", sourceDrive.getDriveType());
        assertEquals(source.id(), sourceDrive.getOwner().getUser().getId());
        List<DriveItem> rootItems = files.drives().byDriveId(sourceDrive.getId()).items().byDriveItemId("root").children().get().getValue();
        DriveItem file = findFile(sourceDrive.getId(), rootItems);
        DriveItem targetRoot = files.drives().byDriveId(targetDrive.getId()).root().get();

        assertEquals(204, control.put("/_sim/drive/copy-duration", "{\"millis\":2500}").status());
        String monitor = copy(sourceDrive.getId(), file.getId(), copyTo(targetDrive.getId(), targetRoot.getId(), "Copied " + file.getName()), null);
        assertTrue(monitor.startsWith(sim.baseUrl() + "/_monitor/drive/copy/"), monitor);
        SimControl.Response first = control.get(monitor);
        assertEquals(202, first.status(), "a copy takes a moment");
        assertEquals("inProgress", first.json().get("status").asText());
        JsonNode done = waitFor(monitor);
        assertEquals("completed", done.get("status").asText());
        assertEquals(100.0, done.get("percentageComplete").asDouble());
        String newId = done.get("resourceId").asText();
        DriveItem copied = files.drives().byDriveId(targetDrive.getId()).items().byDriveItemId(newId).get();
        assertEquals("Copied " + file.getName(), copied.getName());
        assertEquals(file.getSize(), copied.getSize());
        assertEquals(targetDrive.getId(), copied.getParentReference().getDriveId());
        assertTrue(reader.drives().byDriveId(targetDrive.getId()).items().byDriveItemId("root").children().get().getValue()
                .stream().anyMatch(i -> i.getId().equals(newId)), "the copy is listed in the target folder");
        assertTrue(files.drives().byDriveId(sourceDrive.getId()).items().byDriveItemId(file.getId()).get() != null, "the source stays");
        assertEquals(204, control.put("/_sim/drive/copy-duration", "{\"millis\":0}").status());

        // same name again: fail (default) → failed status; rename → "name 1.ext"
        JsonNode conflict = waitFor(copy(sourceDrive.getId(), file.getId(), copyTo(targetDrive.getId(), targetRoot.getId(), "Copied " + file.getName()), null));
        assertEquals("failed", conflict.get("status").asText());
        assertEquals("nameAlreadyExists", conflict.get("error").get("code").asText());
        JsonNode renamed = waitFor(copy(sourceDrive.getId(), file.getId(), copyTo(targetDrive.getId(), targetRoot.getId(), "Copied " + file.getName()), "rename"));
        String stem = file.getName().contains(".") ? file.getName().substring(0, file.getName().lastIndexOf('.')) : file.getName();
        assertTrue(files.drives().byDriveId(targetDrive.getId()).items().byDriveItemId(renamed.get("resourceId").asText()).get().getName()
                .startsWith("Copied " + stem + " 1"));
        assertEquals(404, control.get(sim.baseUrl() + "/_monitor/drive/copy/unknown").status());
    }

    static DriveItem findFile(String driveId, List<DriveItem> items) {
        for (DriveItem i : items) {
            if (i.getFile() != null) {
                return i;
            }
        }
        for (DriveItem i : items) {
            if (i.getFolder() != null) {
                for (DriveItem c : files.drives().byDriveId(driveId).items().byDriveItemId(i.getId()).children().get().getValue()) {
                    if (c.getFile() != null) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError("generated drives hold files");
    }

    @Test
    void deleteRemovesTheItemAndItsChildren() {
        User owner = driveUsers().get(4);
        Drive drive = files.users().byUserId(owner.id()).drive().get();
        List<DriveItem> root = files.drives().byDriveId(drive.getId()).items().byDriveItemId("root").children().get().getValue();
        DriveItem folder = root.stream().filter(i -> i.getFolder() != null).findFirst().orElseThrow();
        files.drives().byDriveId(drive.getId()).items().byDriveItemId(folder.getId()).delete();
        assertEquals(1, sim.counters().count("DELETE /v1.0/drives/{driveId}/items/{itemId}", 204));
        ODataError gone = assertThrows(ODataError.class, () -> files.drives().byDriveId(drive.getId()).items().byDriveItemId(folder.getId()).get());
        assertEquals(404, gone.getResponseStatusCode());
        assertEquals("itemNotFound", gone.getError().getCode());
        assertFalse(files.drives().byDriveId(drive.getId()).items().byDriveItemId("root").children().get().getValue().stream()
                .anyMatch(i -> i.getId().equals(folder.getId())));
        ODataError rootDelete = assertThrows(ODataError.class, () -> files.drives().byDriveId(drive.getId()).items().byDriveItemId("root").delete());
        assertEquals(400, rootDelete.getResponseStatusCode());
    }

    @Test
    void permissionsAndUnlicensedUsers() {
        User owner = driveUsers().get(6);
        Drive drive = reader.users().byUserId(owner.id()).drive().get();
        DriveItem any = reader.drives().byDriveId(drive.getId()).items().byDriveItemId("root").children().get().getValue().get(0);
        ODataError denied = assertThrows(ODataError.class, () -> reader.drives().byDriveId(drive.getId()).items().byDriveItemId(any.getId()).delete());
        assertEquals(403, denied.getResponseStatusCode());
        assertEquals("accessDenied", denied.getError().getCode());
        User unlicensed = tenant.read(() -> tenant.userTable().liveValues().stream().filter(u -> !tenant.hasServicePlan(u, "SHAREPOINTENTERPRISE")).findFirst().orElseThrow());
        ODataError noSite = assertThrows(ODataError.class, () -> files.users().byUserId(unlicensed.id()).drive().get());
        assertEquals(404, noSite.getResponseStatusCode());
        assertEquals("User's mysite not found.", noSite.getError().getMessage());
        ODataError noDrive = assertThrows(ODataError.class, () -> files.drives().byDriveId("b!notadrive").get());
        assertEquals(404, noDrive.getResponseStatusCode());
        var noPermission = client("directory only", "User.Read.All");
        assertEquals(403, assertThrows(ODataError.class, () -> noPermission.users().byUserId(owner.id()).drive().get()).getResponseStatusCode());
        // the copy duration is a control setting
        assertEquals(400, control.put("/_sim/drive/copy-duration", "{}").status());
    }
    @Test
    void foldersAreCreatedWithTheChosenConflictBehaviour() {
        User owner = driveUsers().get(2);
        String driveId = files.users().byUserId(owner.id()).drive().get().getId();
        java.util.function.BiFunction<String, String, DriveItem> folder = (name, conflict) -> {
            DriveItem f = new DriveItem();
            f.setName(name);
            f.setFolder(new com.microsoft.graph.models.Folder());
            if (conflict != null) {
                f.getAdditionalData().put("@microsoft.graph.conflictBehavior", conflict);
            }
            return f;
        };
        DriveItem created = files.drives().byDriveId(driveId).items().byDriveItemId("root").children().post(folder.apply("From Alex", null));
        assertEquals("From Alex", created.getName());
        assertNotNull(created.getFolder());
        assertTrue(files.drives().byDriveId(driveId).items().byDriveItemId("root").children().get().getValue().stream()
                .anyMatch(i -> i.getId().equals(created.getId())), "listed under the root");
        ODataError clash = assertThrows(ODataError.class,
                () -> files.drives().byDriveId(driveId).items().byDriveItemId("root").children().post(folder.apply("from alex", "fail")));
        assertEquals(409, clash.getResponseStatusCode());
        assertEquals("nameAlreadyExists", clash.getError().getCode());
        assertEquals("From Alex 1", files.drives().byDriveId(driveId).items().byDriveItemId("root").children()
                .post(folder.apply("From Alex", "rename")).getName());
        DriveItem nested = files.drives().byDriveId(driveId).items().byDriveItemId(created.getId()).children().post(folder.apply("Sub", null));
        assertEquals(created.getId(), nested.getParentReference().getId());
        ODataError denied = assertThrows(ODataError.class,
                () -> reader.drives().byDriveId(driveId).items().byDriveItemId("root").children().post(folder.apply("x", null)));
        assertEquals(403, denied.getResponseStatusCode());
    }
}
