package io.m365platform.graphsim.drive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One user's OneDrive: its id, owner and items (insertion order). Immutable: changes build a new Drive. */
record Drive(String id, String ownerId, String rootId, Map<String, DriveItem> items) {
    Drive {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    DriveItem item(String itemId) {
        return items.get(itemId);
    }

    DriveItem root() {
        return items.get(rootId);
    }

    List<DriveItem> children(String parentId) {
        List<DriveItem> result = new ArrayList<>();
        for (DriveItem i : items.values()) {
            if (parentId.equals(i.parentId())) {
                result.add(i);
            }
        }
        return result;
    }

    DriveItem child(String parentId, String name) {
        for (DriveItem i : items.values()) {
            if (parentId.equals(i.parentId()) && i.name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return null;
    }

    /** Whether {@code itemId} is {@code ancestorId} or lies below it. */
    boolean within(String itemId, String ancestorId) {
        for (DriveItem i = items.get(itemId); i != null; i = i.parentId() == null ? null : items.get(i.parentId())) {
            if (i.id().equals(ancestorId)) {
                return true;
            }
        }
        return false;
    }

    /** The path of a folder as Graph writes it in parentReference.path: /drive/root: or /drive/root:/A/B. */
    String path(String folderId) {
        StringBuilder sb = new StringBuilder();
        for (DriveItem i = items.get(folderId); i != null && !i.root(); i = items.get(i.parentId())) {
            sb.insert(0, "/" + i.name());
        }
        return "/drive/root:" + sb;
    }

    long usedBytes() {
        long total = 0;
        for (DriveItem i : items.values()) {
            total += i.folder() ? 0 : i.size();
        }
        return total;
    }

    Drive with(Map<String, DriveItem> changed, List<String> removed) {
        Map<String, DriveItem> copy = new LinkedHashMap<>(items);
        removed.forEach(copy::remove);
        copy.putAll(changed);
        return new Drive(id, ownerId, rootId, copy);
    }

    /** The ids of an item and everything below it. */
    List<String> subtree(String itemId) {
        List<String> result = new ArrayList<>();
        result.add(itemId);
        for (int i = 0; i < result.size(); i++) {
            for (DriveItem c : children(result.get(i))) {
                result.add(c.id());
            }
        }
        return result;
    }
}
