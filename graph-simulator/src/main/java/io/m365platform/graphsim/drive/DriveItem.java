package io.m365platform.graphsim.drive;

import java.time.Instant;

/**
 * A file or folder in a OneDrive. {@code parentId} null for the root. {@code createdBy}/{@code modifiedBy} are user
 * ids. {@code version} grows with each change (it is part of eTag and cTag).
 */
record DriveItem(String id, String parentId, String name, boolean folder, long size, String mimeType, Instant created,
                 Instant modified, String createdBy, String modifiedBy, int version) {

    boolean root() {
        return parentId == null;
    }

    DriveItem copyAs(String newId, String newParent, String newName, Instant now, String by) {
        return new DriveItem(newId, newParent, newName, folder, size, mimeType, now, now, by, by, 1);
    }
}
