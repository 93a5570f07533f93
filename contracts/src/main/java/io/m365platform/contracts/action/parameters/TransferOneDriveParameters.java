package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * transfer-onedrive-to-manager: copy the user's OneDrive root into a folder of the manager's OneDrive
 * (Graph copy is asynchronous; the action completes when the copy monitor reports completion).
 *
 * @param userId           owner of the OneDrive
 * @param managerId        receiver; null means the user's current manager
 * @param targetFolderName folder created in the receiver's OneDrive, null for a generated name
 */
public record TransferOneDriveParameters(String userId, String managerId, String targetFolderName)
        implements ActionParameters {

    public TransferOneDriveParameters {
        Checks.requireText(userId, "userId");
    }

    @Override
    public String targetId() {
        return userId;
    }
}
