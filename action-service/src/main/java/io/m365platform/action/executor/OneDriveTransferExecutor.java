package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.action.client.CopyMonitor;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.TransferOneDriveParameters;
import io.m365platform.graph.error.GraphRequestException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * transfer-onedrive-to-manager: copies the top-level items of the user's OneDrive into a folder of the receiver's
 * (the manager, unless named) OneDrive. Graph's copy is asynchronous (202 + a monitor URL), so the action goes on in
 * steps: the first creates the folder (or finds it from an earlier attempt) and starts one copy per item with
 * conflict behaviour {@code replace} (a repeated copy replaces instead of duplicating), then records the monitor URLs
 * in the action's checkpoint; each later step polls the monitors (without the Graph token) and reports progress,
 * until every copy completed. The checkpoint is in the table, so a restart resumes polling where it stopped; a monitor
 * the service no longer knows (404) restarts that item's copy.
 */
public final class OneDriveTransferExecutor implements ActionExecutor {

    private final CopyMonitor monitor;
    private final Duration pollInterval;

    public OneDriveTransferExecutor(CopyMonitor monitor, Duration pollInterval) {
        this.monitor = monitor;
        this.pollInterval = pollInterval;
    }

    @Override
    public ActionType type() {
        return ActionType.TRANSFER_ONEDRIVE_TO_MANAGER;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        TransferOneDriveParameters p = input.parameters(TransferOneDriveParameters.class);
        if (input.checkpoint() == null) {
            return start(p, graph);
        }
        return poll((ObjectNode) input.checkpoint().deepCopy(), graph);
    }

    private Step start(TransferOneDriveParameters p, GraphSession graph) {
        JsonNode user = graph.get(GraphPaths.user(p.userId()) + "?$select=id,displayName,userPrincipalName");
        String receiver = p.managerId() != null ? p.managerId()
                : graph.find(GraphPaths.user(p.userId()) + "/manager?$select=id").map(m -> GraphPaths.text(m, "id"))
                .orElseThrow(() -> new ActionFailure("no-manager", "User " + p.userId() + " has no manager to"
                        + " receive the OneDrive files.", "Set a manager (set-manager) or name the receiver in"
                        + " managerId, then send the request again."));
        String sourceDrive = graph.get(GraphPaths.user(p.userId()) + "/drive?$select=id").path("id").asText();
        String targetDrive = graph.get(GraphPaths.user(receiver) + "/drive?$select=id").path("id").asText();
        String folderName = p.targetFolderName() != null ? p.targetFolderName()
                : "Files of " + user.path("displayName").asText(p.userId());
        String folderId = folder(graph, targetDrive, folderName);
        List<JsonNode> items = children(graph, "/drives/" + GraphPaths.seg(sourceDrive) + "/root/children");
        ObjectNode checkpoint = JsonNodeFactory.instance.objectNode();
        checkpoint.put("sourceDrive", sourceDrive).put("targetDrive", targetDrive).put("folderId", folderId)
                .put("folderName", folderName).put("receiver", receiver);
        ArrayNode copies = checkpoint.putArray("copies");
        for (JsonNode item : items) {
            ObjectNode copy = copies.addObject();
            copy.put("itemId", item.path("id").asText()).put("name", item.path("name").asText());
            copy.put("monitor", startCopy(graph, sourceDrive, item.path("id").asText(), targetDrive, folderId));
        }
        if (graph.dryRun() || items.isEmpty()) {
            return Step.applied(folderId, summary(checkpoint, items.size()));
        }
        progress(checkpoint, 0, 0.0);
        return new Step.Continue(checkpoint, pollInterval);
    }

    private Step poll(ObjectNode checkpoint, GraphSession graph) {
        int completed = 0;
        double percentage = 0;
        List<String> failed = new ArrayList<>();
        ArrayNode copies = (ArrayNode) checkpoint.get("copies");
        for (JsonNode node : copies) {
            ObjectNode copy = (ObjectNode) node;
            if (copy.has("resourceId")) {
                completed++;
                percentage += 100;
                continue;
            }
            CopyMonitor.Status status = monitor.poll(copy.path("monitor").asText());
            if (status.unknown()) {
                copy.put("monitor", startCopy(graph, checkpoint.path("sourceDrive").asText(),
                        copy.path("itemId").asText(), checkpoint.path("targetDrive").asText(),
                        checkpoint.path("folderId").asText()));
            } else if (status.completed()) {
                copy.put("resourceId", status.resourceId());
                completed++;
                percentage += 100;
            } else if (status.failed()) {
                failed.add(copy.path("name").asText() + " (" + status.errorCode() + ")");
            } else {
                percentage += status.percentageComplete();
            }
        }
        if (!failed.isEmpty()) {
            throw new ActionFailure("onedrive-copy-failed", "OneDrive could not copy " + String.join(", ", failed)
                    + "; " + completed + " of " + copies.size() + " items were copied.",
                    "Check the receiver's OneDrive storage and the item names, then send the request again (copied"
                            + " items are replaced, not duplicated).");
        }
        if (completed == copies.size()) {
            return Step.applied(checkpoint.path("folderId").asText(), summary(checkpoint, completed));
        }
        progress(checkpoint, completed, percentage / copies.size());
        return new Step.Continue(checkpoint, pollInterval);
    }

    private static Map<String, String> summary(JsonNode checkpoint, int items) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("receiver", checkpoint.path("receiver").asText());
        details.put("folder", checkpoint.path("folderName").asText());
        details.put("itemsCopied", Integer.toString(items));
        return details;
    }

    private static void progress(ObjectNode checkpoint, int completed, double percentage) {
        checkpoint.putObject("progress").put("itemsCompleted", completed)
                .put("itemsTotal", checkpoint.path("copies").size())
                .put("percentageComplete", Math.round(percentage * 10) / 10.0);
    }

    /** The receiver's folder: found by name (an earlier attempt created it) or created. */
    private static String folder(GraphSession graph, String driveId, String name) {
        String root = "/drives/" + GraphPaths.seg(driveId) + "/root/children";
        Optional<JsonNode> existing = children(graph, root).stream()
                .filter(i -> i.path("name").asText().equalsIgnoreCase(name) && i.has("folder")).findFirst();
        if (existing.isPresent()) {
            return existing.get().path("id").asText();
        }
        try {
            var created = graph.post(root, Map.of("name", name, "folder", Map.of(),
                    "@microsoft.graph.conflictBehavior", "fail"));
            return created.body() == null ? "(new folder)" : created.body().path("id").asText();
        } catch (GraphRequestException e) {
            if (e.status() == 409) {
                return children(graph, root).stream().filter(i -> i.path("name").asText().equalsIgnoreCase(name))
                        .findFirst().map(i -> i.path("id").asText()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static String startCopy(GraphSession graph, String sourceDrive, String itemId, String targetDrive,
                                    String folderId) {
        var response = graph.post("/drives/" + GraphPaths.seg(sourceDrive) + "/items/" + GraphPaths.seg(itemId)
                        + "/copy?@microsoft.graph.conflictBehavior=replace",
                Map.of("parentReference", Map.of("driveId", targetDrive, "id", folderId)));
        return response.header("Location").orElse(null);
    }

    private static List<JsonNode> children(GraphSession graph, String path) {
        List<JsonNode> all = new ArrayList<>();
        String next = path + "?$select=id,name,folder,file&$top=200";
        while (next != null) {
            JsonNode page = graph.get(next);
            page.path("value").forEach(all::add);
            next = GraphPaths.text(page, "@odata.nextLink");
        }
        return all;
    }
}
