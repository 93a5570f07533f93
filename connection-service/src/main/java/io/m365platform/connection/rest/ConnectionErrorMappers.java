package io.m365platform.connection.rest;

import io.m365platform.connection.adminuser.InvalidSignInException;
import io.m365platform.connection.adminuser.SignInNotApplicableException;
import io.m365platform.connection.broker.ConnectionNotUsableException;
import io.m365platform.connection.broker.TokenTemporarilyUnavailableException;
import io.m365platform.connection.crypto.SecretSealer;
import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.service.ConnectionNotFoundException;
import io.m365platform.connection.service.CredentialsRejectedException;
import io.m365platform.connection.service.CredentialsUnverifiedException;
import io.m365platform.connection.service.SignInRequiredException;
import io.m365platform.connection.store.ConcurrentChangeException;
import io.m365platform.service.web.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The service's own failures as {@link ApiError} answers (the broker's 409 has the contract's own shape). */
public class ConnectionErrorMappers {

    @ServerExceptionMapper
    public Response notFound(ConnectionNotFoundException e) {
        return json(404, new ApiError(404, "not-found", e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response signInRequired(SignInRequiredException e) {
        return json(409, new ApiError(409, "sign-in-required", e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response notAdminUser(SignInNotApplicableException e) {
        return json(409, new ApiError(409, "not-admin-user", e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response invalidSignIn(InvalidSignInException e) {
        return json(400, new ApiError(400, "invalid-sign-in", e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response rejected(CredentialsRejectedException e) {
        String message = "The identity platform rejected the new credentials ("
                + e.failure().category().name().toLowerCase().replace('_', '-')
                + e.failure().aadstsCode().stream().mapToObj(c -> ", AADSTS" + c).findFirst().orElse("")
                + "); the stored credentials were kept.";
        return json(422, new ApiError(422, "credentials-rejected", message,
                List.of(new ApiError.Problem("clientSecret", e.failure().operatorFix()))));
    }

    @ServerExceptionMapper
    public Response unverified(CredentialsUnverifiedException e) {
        return Response.status(503).header("Retry-After", 30).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(503, "identity-platform-unavailable", e.getMessage(), List.of())).build();
    }

    @ServerExceptionMapper
    public Response notUsable(ConnectionNotUsableException e) {
        Connection c = e.connection();
        return json(409, new NotUsableView("connection-not-usable", c.status().wireName(),
                c.health().reason().orElse("The connection cannot be used in status " + c.status().wireName() + "."),
                c.health().fix().orElse(null)));
    }

    @ServerExceptionMapper
    public Response unavailable(TokenTemporarilyUnavailableException e) {
        return Response.status(503).header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(503, "token-unavailable", e.getMessage(), List.of())).build();
    }

    @ServerExceptionMapper
    public Response concurrent(ConcurrentChangeException e) {
        return json(409, new ApiError(409, "conflict", e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unreadable(SecretSealer.UnreadableSecretException e) {
        return json(500, new ApiError(500, "credential-unreadable", e.getMessage()
                + ": configure the keyset that sealed it, or rotate the credentials.", List.of()));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
