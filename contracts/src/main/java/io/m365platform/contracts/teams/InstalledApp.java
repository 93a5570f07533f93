package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * A Teams app installed in a user's personal scope (Graph {@code userScopeTeamsAppInstallation} with its
 * teamsApp and teamsAppDefinition expanded).
 *
 * @param userId               user the app is installed for
 * @param installationId       Graph installation id (not the app id)
 * @param teamsAppId           catalog id of the app
 * @param externalId           manifest id of the app, null for store apps without one
 * @param displayName          app name
 * @param distributionMethod   store, organization or sideloaded
 * @param appDefinitionId      id of the installed app definition (version)
 * @param version              app version
 * @param publishingState      submitted, rejected or published
 * @param shortDescription     short description
 * @param clientAppId          Entra application id the app signs in with ({@code authorization.clientAppId}), null when none
 * @param lastModifiedDateTime when the definition last changed
 */
public record InstalledApp(String userId, String installationId, String teamsAppId, String externalId,
                           String displayName, String distributionMethod, String appDefinitionId, String version,
                           String publishingState, String shortDescription, String clientAppId,
                           Instant lastModifiedDateTime) {

    public InstalledApp {
        Checks.requireText(userId, "userId");
        Checks.requireText(installationId, "installationId");
        Checks.requireText(teamsAppId, "teamsAppId");
    }
}
