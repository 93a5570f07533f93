package io.m365platform.connection.rest;

import io.m365platform.connection.crypto.ReEncryptionJob;
import io.m365platform.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key rotation support: move every stored credential onto the keyset's primary key now. */
@Path("/admin/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Credential encryption", description = "Re-encryption after a key rotation")
@SecurityRequirement(name = "SecurityScheme")
public class CredentialKeysResource {

    private final ReEncryptionJob job;

    public CredentialKeysResource(ReEncryptionJob job) {
        this.job = job;
    }

    @POST
    @Path("/re-encrypt")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Re-encrypt stored credentials with the primary key",
            description = "Runs the re-encryption job now (it also runs hourly). When no credential is left on an old"
                    + " key, that key can be removed from the keyset.")
    public ReEncryptionJob.Result reEncrypt() {
        return job.run();
    }
}
