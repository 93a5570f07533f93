package io.m365platform.graphsim.drive;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Writes drive and driveItem JSON as OneDrive for Business serves them (properties of Graph v1.0 only). */
final class DriveJson {
    static final long QUOTA_TOTAL = 1_099_511_627_776L; // 1 TB
    static final String APP_PREFIX = "app:";

    private DriveJson() {
    }

    /** Who an actor id names: a user (id → display name) or an application ("app:{clientId}"). */
    record Actors(Map<String, String> names) {
        String name(String id) {
            return names.getOrDefault(id, id);
        }
    }

    static String personalUrl(String tenantPrefix, String upn) {
        return "https://" + tenantPrefix + "-my.sharepoint.com/personal/" + upn.toLowerCase().replaceAll("[^a-z0-9]", "_") + "/Documents";
    }

    static void writeDrive(JsonGenerator g, Drive d, String webUrl, Actors actors) throws IOException {
        DriveItem root = d.root();
        Instant modified = d.items().values().stream().map(DriveItem::modified).max(Instant::compareTo).orElse(root.modified());
        g.writeStringField("id", d.id());
        g.writeStringField("driveType", "business");
        g.writeStringField("name", "OneDrive");
        g.writeStringField("description", "");
        g.writeStringField("createdDateTime", root.created().toString());
        g.writeStringField("lastModifiedDateTime", modified.toString());
        g.writeStringField("webUrl", webUrl);
        g.writeObjectFieldStart("createdBy");
        g.writeObjectFieldStart("user");
        g.writeStringField("displayName", "System Account");
        g.writeEndObject();
        g.writeEndObject();
        identity(g, "lastModifiedBy", d.ownerId(), actors);
        identity(g, "owner", d.ownerId(), actors);
        long used = d.usedBytes();
        g.writeObjectFieldStart("quota");
        g.writeNumberField("deleted", 0);
        g.writeNumberField("remaining", QUOTA_TOTAL - used);
        g.writeStringField("state", "normal");
        g.writeNumberField("total", QUOTA_TOTAL);
        g.writeNumberField("used", used);
        g.writeEndObject();
    }

    static void writeItem(JsonGenerator g, Drive d, DriveItem i, String driveWebUrl, Actors actors) throws IOException {
        String tagGuid = UUID.nameUUIDFromBytes(i.id().getBytes()).toString().toUpperCase();
        g.writeStringField("id", i.id());
        g.writeStringField("name", i.name());
        g.writeStringField("createdDateTime", i.created().toString());
        g.writeStringField("lastModifiedDateTime", i.modified().toString());
        g.writeStringField("eTag", "\"{" + tagGuid + "}," + i.version() + "\"");
        g.writeStringField("cTag", "\"c:{" + tagGuid + "}," + i.version() + "\"");
        g.writeStringField("webUrl", i.root() ? driveWebUrl : driveWebUrl + (d.path(i.parentId()).substring("/drive/root:".length())) + "/" + i.name());
        g.writeNumberField("size", i.folder() ? folderSize(d, i) : i.size());
        identity(g, "createdBy", i.createdBy(), actors);
        identity(g, "lastModifiedBy", i.modifiedBy(), actors);
        g.writeObjectFieldStart("parentReference");
        g.writeStringField("driveType", "business");
        g.writeStringField("driveId", d.id());
        if (!i.root()) {
            g.writeStringField("id", i.parentId());
            g.writeStringField("path", d.path(i.parentId()));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("fileSystemInfo");
        g.writeStringField("createdDateTime", i.created().toString());
        g.writeStringField("lastModifiedDateTime", i.modified().toString());
        g.writeEndObject();
        if (i.folder()) {
            g.writeObjectFieldStart("folder");
            g.writeNumberField("childCount", d.children(i.id()).size());
            g.writeEndObject();
        } else {
            g.writeObjectFieldStart("file");
            g.writeStringField("mimeType", i.mimeType());
            g.writeObjectFieldStart("hashes");
            g.writeStringField("quickXorHash", java.util.Base64.getEncoder().encodeToString(
                    java.nio.ByteBuffer.allocate(20).putLong(i.id().hashCode() * 31L + i.version()).putLong(i.size()).array()));
            g.writeEndObject();
            g.writeEndObject();
        }
        if (i.root()) {
            g.writeObjectFieldStart("root");
            g.writeEndObject();
        }
    }

    private static long folderSize(Drive d, DriveItem folder) {
        long total = 0;
        for (String id : d.subtree(folder.id())) {
            DriveItem x = d.item(id);
            total += x.folder() ? 0 : x.size();
        }
        return total;
    }

    private static void identity(JsonGenerator g, String field, String actor, Actors actors) throws IOException {
        g.writeObjectFieldStart(field);
        boolean app = actor.startsWith(APP_PREFIX);
        g.writeObjectFieldStart(app ? "application" : "user");
        g.writeStringField("id", app ? actor.substring(APP_PREFIX.length()) : actor);
        g.writeStringField("displayName", actors.name(actor));
        g.writeEndObject();
        g.writeEndObject();
    }
}
