package io.m365platform.connection.api;

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
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.m365platform.service.web.ApiError;
import io.m365platform.service.web.ApiErrorMappers;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The service's own failures as {@link ApiError} answers (the broker's 409 has the contract's own shape). */
public class ConnectionErrorMappers {

    private static final ApiErrorMappers SHARED = new ApiErrorMappers();

    /**
     * Quarkus' built-in mapper for a JSON value of the wrong type (e.g. an unknown product) is more specific than
     * service-commons' JsonProcessingException mapper, answers in another shape and echoes the value: route it to the
     * shared one (which belongs in service-commons; reported).
     */
    @ServerExceptionMapper
    public Response invalidValue(MismatchedInputException e) {
        return SHARED.unreadableJson(e);
    }

    /** The same for a body that is not JSON at all (Quarkus' own mapper answers 400 without a body). */
    @ServerExceptionMapper
    public Response notJson(JsonParseException e) {
        return SHARED.unreadableJson(e);
    }

    /** Quarkus' JSON reader wraps some parse failures in a bare 400: give them the shared body too. */
    @ServerExceptionMapper
    public Response wrapped(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return SHARED.unreadableJson(json);
        }
        return e.getResponse();
    }

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
