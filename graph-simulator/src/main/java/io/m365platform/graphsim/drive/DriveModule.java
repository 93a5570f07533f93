package io.m365platform.graphsim.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.Caller;
import io.m365platform.graphsim.auth.WritePermissions;
import io.m365platform.graphsim.graph.ODataQuery;
import io.m365platform.graphsim.graph.Pages;
import io.m365platform.graphsim.http.ControlException;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppRegistration;
import io.m365platform.graphsim.tenant.EntityTable;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantFixture;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OneDrive (GRAPH_FACTS §6, §8): GET /users/{id}/drive and /drives/{driveId}, root and item lookups, children
 * listings (paged), copy (202 + Location of an unauthenticated monitor: 202 inProgress with percentageComplete →
 * 200 completed with resourceId, or failed), and delete (204). Files.Read.All / Files.ReadWrite.All (or Sites.*),
 * 403 accessDenied otherwise. A user without a SharePoint Online licence has no drive (404 "User's mysite not
 * found."). Item id {@code root} is the root folder.
 *
 * <p>Control API: {@code PUT /_sim/drive/copy-duration} {"millis": 1000} (how long copies take, simulator clock).
 * Fixture section {@code extensions.drive}: {"seededBefore": instant, "changedDrives": {"&lt;userId&gt;": {"id", "ownerId",
 * "rootId", "items": {"&lt;itemId&gt;": {"id","parentId","name","folder","size","mimeType","created","modified",
 * "createdBy","modifiedBy","version"}}}}} — drives not listed are generated.
 */
public final class DriveModule implements SimulatorModule {
    static final String MONITOR_PATH = "/_monitor/drive/copy/";
    private final CopyJobs copies = new CopyJobs();
    private SimulatorContext context;

    @Override
    public String name() {
        return "drive";
    }

    /** How long a copy takes before its monitor reports completion (simulator clock; default 1 s). */
    public void copyDuration(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("The copy duration cannot be negative");
        }
        copies.duration(d);
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        this.context = c;
        var read = WritePermissions.FILES_READ;
        var write = WritePermissions.FILES_WRITE;
        for (String base : List.of("/v1.0/users/{id}/drive", "/v1.0/drives/{driveId}")) {
            c.graph("GET", base, read, this::getDrive);
            c.graph("GET", base + "/root", read, (q, r) -> getItem(q, r, "root"));
            c.graph("GET", base + "/root/children", read, (q, r) -> children(q, r, "root"));
            c.graph("GET", base + "/items/{itemId}", read, (q, r) -> getItem(q, r, q.pathVariable("itemId")));
            c.graph("GET", base + "/items/{itemId}/children", read, (q, r) -> children(q, r, q.pathVariable("itemId")));
            c.graph("POST", base + "/items/{itemId}/copy", write, this::copy);
            c.graph("POST", base + "/root/children", write, (q, r) -> createFolder(q, r, "root"));
            c.graph("POST", base + "/items/{itemId}/children", write, (q, r) -> createFolder(q, r, q.pathVariable("itemId")));
            c.graph("DELETE", base + "/items/{itemId}", write, this::delete);
        }
        c.publicRoute("GET", MONITOR_PATH + "{token}", this::monitor);
        c.control("PUT", "/_sim/drive/copy-duration", (q, r) -> {
            long millis = q.bodyJson().path("millis").asLong(-1);
            if (millis < 0) {
                throw ControlException.badRequest("millis (>= 0) is required");
            }
            copies.duration(Duration.ofMillis(millis));
            r.empty(204);
        });
    }

    // ------------------------------------------------------------------ locating drives and items

    /** A drive as a request sees it, captured under the read lock. */
    private record Located(User owner, Drive drive, String webUrl, DriveJson.Actors actors) {
        DriveItem item(String itemId) {
            DriveItem i = "root".equalsIgnoreCase(itemId) ? drive.root() : drive.item(itemId);
            if (i == null) {
                throw itemNotFound();
            }
            return i;
        }
    }

    static GraphException itemNotFound() {
        return new GraphException(404, "itemNotFound", "The resource could not be found.");
    }

    private Located locate(SimRequest req) {
        Tenant t = req.tenant();
        copies.settle(t, t.now());
        String driveId = req.pathVariables().get("driveId");
        return t.read(() -> {
            User owner = driveId != null ? ownerOfDrive(t, driveId) : requireDriveUser(t, req.pathVariable("id"));
            return located(t, owner);
        });
    }

    /** Inside Tenant.read. */
    private static Located located(Tenant t, User owner) {
        Drive d = DriveState.of(t).drive(owner);
        Map<String, String> names = new HashMap<>();
        for (DriveItem i : d.items().values()) {
            for (String actor : List.of(i.createdBy(), i.modifiedBy())) {
                names.computeIfAbsent(actor, a -> actorName(t, a));
            }
        }
        names.computeIfAbsent(owner.id(), a -> owner.displayName());
        String prefix = t.organization().initialDomain().split("\\.")[0];
        return new Located(owner, d, DriveJson.personalUrl(prefix, owner.userPrincipalName()), new DriveJson.Actors(names));
    }

    private static String actorName(Tenant t, String actor) {
        if (actor.startsWith(DriveJson.APP_PREFIX)) {
            AppRegistration app = t.appMap().get(actor.substring(DriveJson.APP_PREFIX.length()));
            return app == null ? actor : app.displayName();
        }
        User u = t.userTable().get(actor);
        return u == null ? "" : u.displayName();
    }

    /** Inside Tenant.read: the user of /users/{id}/drive, who needs SharePoint Online. */
    private static User requireDriveUser(Tenant t, String idOrUpn) {
        User u = t.userTable().get(idOrUpn);
        if (u == null) {
            throw GraphException.notFound(idOrUpn);
        }
        if (!t.hasServicePlan(u, "SHAREPOINTENTERPRISE")) {
            throw new GraphException(404, "ResourceNotFound", "User's mysite not found.");
        }
        return u;
    }

    /** Inside Tenant.read: the owner of /drives/{driveId}. */
    private static User ownerOfDrive(Tenant t, String driveId) {
        long seed = DriveState.of(t).seed();
        String owner = DriveIds.ownerOf(driveId);
        User u = owner == null ? null : t.userTable().get(owner);
        if (u == null || !driveId.equals(DriveIds.driveId(seed, u.id()))) {
            u = null;
            EntityTable<User> users = t.userTable();
            for (int i = 0; i < users.size() && u == null; i++) {
                EntityTable.Slot<User> s = users.slot(i);
                if (s.live() && !DriveIds.isGuid(s.value().id()) && driveId.equals(DriveIds.driveId(seed, s.value().id()))) {
                    u = s.value();
                }
            }
        }
        if (u == null || !t.hasServicePlan(u, "SHAREPOINTENTERPRISE")) {
            throw itemNotFound();
        }
        return u;
    }

    // ------------------------------------------------------------------ reads

    private void getDrive(SimRequest req, SimResponse res) throws IOException {
        Located l = locate(req);
        Pages.single(req, res, "drives/$entity", g -> DriveJson.writeDrive(g, l.drive(), l.webUrl(), l.actors()));
    }

    private void getItem(SimRequest req, SimResponse res, String itemId) throws IOException {
        Located l = locate(req);
        DriveItem i = l.item(itemId);
        Pages.single(req, res, "drives('" + l.drive().id() + "')/items/$entity", g -> DriveJson.writeItem(g, l.drive(), i, l.webUrl(), l.actors()));
    }

    private void children(SimRequest req, SimResponse res, String itemId) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 200, 999);
        Located l = locate(req);
        DriveItem parent = l.item(itemId);
        List<DriveItem> all = parent.folder() ? l.drive().children(parent.id()) : List.of();
        int start = Pages.decodePosition("children", q.skipToken);
        int end = Math.min(all.size(), start + q.top);
        List<DriveItem> page = start >= all.size() ? List.of() : all.subList(start, end);
        String nextLink = end < all.size() ? Pages.linkWith(req, "$skiptoken", Pages.encodePosition("children", end)) : null;
        Pages.write(req, res, "drives('" + l.drive().id() + "')/items('" + parent.id() + "')/children", null, nextLink, null, page, (g, i) -> {
            g.writeStartObject();
            DriveJson.writeItem(g, l.drive(), i, l.webUrl(), l.actors());
            g.writeEndObject();
        });
    }

    // ------------------------------------------------------------------ writes

    private void copy(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        JsonNode body = req.body().length == 0 ? Json.MAPPER.createObjectNode() : req.bodyJson();
        if (!body.isObject()) {
            throw new GraphException(400, "invalidRequest", "The request body must be a JSON object.");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.startsWith("@odata.") && !Set.of("parentReference", "name", "@microsoft.graph.conflictBehavior", "includeAllVersionHistory",
                    "childrenOnly").contains(f)) {
                throw new GraphException(400, "invalidRequest", "Property '" + f + "' is not supported by copy (parentReference, name).");
            }
        }
        if (body.path("childrenOnly").asBoolean(false)) {
            throw new GraphException(400, "invalidRequest", "childrenOnly copies are not supported by the simulator.");
        }
        String conflict = req.query("@microsoft.graph.conflictBehavior");
        if (conflict == null) {
            conflict = body.path("@microsoft.graph.conflictBehavior").asText("fail");
        }
        if (!Set.of("fail", "replace", "rename").contains(conflict)) {
            throw new GraphException(400, "invalidRequest", "@microsoft.graph.conflictBehavior must be fail, replace or rename.");
        }
        String name = body.hasNonNull("name") ? body.get("name").asText() : null;
        if (name != null && !CopyJobs.validName(name)) {
            throw new GraphException(400, "invalidRequest", "The name '" + name + "' contains characters OneDrive does not allow.");
        }
        Located source = locate(req);
        DriveItem item = source.item(req.pathVariable("itemId"));
        if (item.root()) {
            throw new GraphException(400, "invalidRequest", "The root folder cannot be copied.");
        }
        JsonNode parentRef = body.get("parentReference");
        Located target = source;
        String targetParent = item.parentId();
        if (parentRef != null && !parentRef.isNull()) {
            if (!parentRef.isObject()) {
                throw new GraphException(400, "invalidRequest", "parentReference must be an object with driveId and/or id.");
            }
            if (parentRef.hasNonNull("driveId") && !parentRef.get("driveId").asText().equals(source.drive().id())) {
                String driveId = parentRef.get("driveId").asText();
                target = t.read(() -> located(t, ownerOfDrive(t, driveId)));
            }
            targetParent = parentRef.hasNonNull("id") ? target.item(parentRef.get("id").asText()).id() : target.drive().rootId();
            if (!target.drive().item(targetParent).folder()) {
                throw new GraphException(400, "invalidRequest", "The target of a copy must be a folder.");
            }
        }
        if (target.drive().id().equals(source.drive().id()) && source.drive().within(targetParent, item.id())) {
            throw new GraphException(400, "invalidRequest", "A folder cannot be copied into itself.");
        }
        Instant now = t.now();
        String token = copies.submit(new CopyJobs.Job(t, source.owner().id(), item.id(), target.owner().id(), targetParent, name, conflict,
                actor(req.caller()), now, now.plus(copies.duration())));
        res.header("Location", req.baseUrl() + MONITOR_PATH + token);
        res.empty(202);
    }

    private static String actor(Caller caller) {
        return caller.delegated() && caller.userId() != null ? caller.userId() : DriveJson.APP_PREFIX + caller.appId();
    }

    /**
     * POST …/children {"name", "folder": {}, "@microsoft.graph.conflictBehavior": "fail|replace|rename"}: 201 + the new
     * folder. Only folders (files are uploaded with PUT …/content, not simulated); a name clash with {@code fail} (the
     * default) answers 409 nameAlreadyExists.
     */
    private void createFolder(SimRequest req, SimResponse res, String parentId) throws IOException {
        Tenant t = req.tenant();
        JsonNode body = req.bodyJson();
        if (!body.isObject() || !body.path("name").isTextual()) {
            throw new GraphException(400, "invalidRequest", "Property 'name' is required.");
        }
        String name = body.get("name").asText();
        if (!CopyJobs.validName(name)) {
            throw new GraphException(400, "invalidRequest", "The name '" + name + "' contains characters OneDrive does not allow.");
        }
        if (!body.path("folder").isObject()) {
            throw new GraphException(400, "invalidRequest", "Only folders can be created here ('folder': {}); upload files with PUT …/content.");
        }
        String conflict = body.path("@microsoft.graph.conflictBehavior").asText("fail");
        if (!Set.of("fail", "replace", "rename").contains(conflict)) {
            throw new GraphException(400, "invalidRequest", "@microsoft.graph.conflictBehavior must be fail, replace or rename.");
        }
        Located l = locate(req);
        DriveItem parent = l.item(parentId);
        if (!parent.folder()) {
            throw new GraphException(400, "invalidRequest", "Items can only be created in a folder.");
        }
        String actor = actor(req.caller());
        String createdId = t.write(() -> {
            DriveState state = DriveState.of(t);
            User owner = t.userTable().get(l.owner().id());
            Drive current = owner == null ? null : state.drive(owner);
            if (current == null || current.item(parent.id()) == null) {
                throw itemNotFound();
            }
            String finalName = name;
            List<String> removed = new java.util.ArrayList<>();
            DriveItem existing = current.child(parent.id(), name);
            if (existing != null) {
                switch (conflict) {
                    case "replace" -> removed.addAll(current.subtree(existing.id()));
                    case "rename" -> finalName = CopyJobs.freeName(current, parent.id(), name);
                    default -> throw new GraphException(409, "nameAlreadyExists", "An item with the same name already exists under the parent.");
                }
            }
            Instant now = t.now();
            String id = DriveIds.itemId(new java.util.SplittableRandom(now.toEpochMilli() ^ parent.id().hashCode() * 31L ^ finalName.hashCode()
                    ^ t.nextSeq()));
            state.put(current.with(Map.of(id, new DriveItem(id, parent.id(), finalName, true, 0, null, now, now, actor, actor, 1)), removed));
            return id;
        });
        Located after = locate(req);
        DriveItem created = after.item(createdId);
        res.json(201, g -> {
            g.writeStartObject();
            DriveJson.writeItem(g, after.drive(), created, after.webUrl(), after.actors());
            g.writeEndObject();
        });
    }

    private void delete(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        Located l = locate(req);
        DriveItem item = l.item(req.pathVariable("itemId"));
        if (item.root()) {
            throw new GraphException(400, "invalidRequest", "The root folder of a drive cannot be deleted.");
        }
        t.write(() -> {
            DriveState state = DriveState.of(t);
            User owner = t.userTable().get(l.owner().id());
            Drive current = owner == null ? null : state.drive(owner);
            if (current == null || current.item(item.id()) == null) {
                throw itemNotFound();
            }
            state.put(current.with(Map.of(), current.subtree(item.id())));
            t.nextSeq();
        });
        res.empty(204);
    }

    // ------------------------------------------------------------------ copy monitor (no authentication)

    private void monitor(SimRequest req, SimResponse res) throws IOException {
        CopyJobs.Job job = copies.find(req.pathVariable("token"));
        if (job == null) {
            throw new ControlException(404, "No such copy operation.");
        }
        Instant now = context.clock().instant();
        if (!now.isBefore(job.due)) {
            copies.settle(job);
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("operation", "ItemCopy");
        int status;
        synchronized (job) {
            n.put("percentageComplete", job.percentage(now));
            switch (job.status) {
                case IN_PROGRESS -> {
                    n.put("status", "inProgress");
                    status = 202;
                }
                case COMPLETED -> {
                    n.put("resourceId", job.resourceId);
                    n.put("status", "completed");
                    status = 200;
                }
                default -> {
                    n.put("status", "failed");
                    n.putObject("error").put("code", job.errorCode).put("message", job.errorMessage);
                    status = 200;
                }
            }
        }
        res.bytes(status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(n));
    }

    // ------------------------------------------------------------------ fixtures

    @Override
    public void onTenantGenerated(Tenant tenant, GenerationSpec spec) {
        DriveState.of(tenant);
    }

    @Override
    public void onTenantLoaded(Tenant tenant, TenantFixture fixture) {
        JsonNode section = fixture.extensions() == null ? null : fixture.extensions().get(name());
        Instant seededBefore = section != null && section.hasNonNull("seededBefore") ? Instant.parse(section.get("seededBefore").asText()) : tenant.now();
        DriveState state = tenant.extension(DriveState.class, t -> new DriveState(t.seed(), seededBefore));
        if (section == null) {
            return;
        }
        tenant.write(() -> {
            for (var it = section.path("changedDrives").fields(); it.hasNext(); ) {
                var e = it.next();
                Drive d;
                try {
                    d = Json.MAPPER.treeToValue(e.getValue(), Drive.class);
                } catch (IOException ex) {
                    throw io.m365platform.graphsim.tenant.TenantException.invalid("fixture extensions.drive: drive of " + e.getKey() + ": " + ex.getMessage());
                }
                if (tenant.userTable().get(d.ownerId()) == null || d.root() == null) {
                    throw io.m365platform.graphsim.tenant.TenantException.invalid("fixture extensions.drive: drive " + d.id() + " needs an existing owner and its root item");
                }
                state.put(d);
            }
        });
    }

    @Override
    public Object exportState(Tenant tenant) {
        DriveState state = DriveState.of(tenant);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("seededBefore", state.seededBefore().toString());
        ObjectNode drives = root.putObject("changedDrives");
        tenant.read(() -> {
            state.stored().forEach((owner, d) -> drives.set(owner, Json.MAPPER.valueToTree(d)));
            return null;
        });
        return root;
    }
}
