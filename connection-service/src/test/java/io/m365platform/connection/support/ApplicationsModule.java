package io.m365platform.connection.support;

import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.PermissionRule;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.tenant.AppRegistration;
import io.m365platform.graphsim.tenant.ClientSecret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v1.0/applications?$filter=appId eq '…'} with {@code passwordCredentials}, which the simulator does not
 * serve yet (added here through its documented module extension point): the app registration's secrets with
 * {@code keyId}, {@code hint} (first three characters), {@code startDateTime} and {@code endDateTime}, behind
 * Application.Read.All as in Graph. It belongs in graph-simulator; see the module README.
 */
public final class ApplicationsModule implements SimulatorModule {

    private static final Pattern APP_ID = Pattern.compile("^\\s*appId\\s+eq\\s+'([0-9a-fA-F-]{36})'\\s*$");

    @Override
    public String name() {
        return "applications";
    }

    @Override
    public void registerRoutes(SimulatorContext context) {
        context.graph("GET", "/v1.0/applications",
                PermissionRule.anyOf("Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"),
                this::list);
    }

    private void list(SimRequest req, SimResponse res) throws IOException {
        String filter = req.query("$filter");
        Matcher m = filter == null ? null : APP_ID.matcher(filter);
        if (m == null || !m.matches()) {
            throw new GraphException(400, "Request_UnsupportedQuery", "Only $filter=appId eq '{id}' is supported.");
        }
        AppRegistration app = req.tenant().apps().find(m.group(1));
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", req.baseUrl() + "/v1.0/$metadata#applications(id,appId,passwordCredentials)");
            g.writeArrayFieldStart("value");
            if (app != null) {
                g.writeStartObject();
                g.writeStringField("id", UUID.nameUUIDFromBytes(app.clientId().getBytes(StandardCharsets.UTF_8)).toString());
                g.writeStringField("appId", app.clientId());
                g.writeArrayFieldStart("passwordCredentials");
                for (ClientSecret s : app.secrets()) {
                    g.writeStartObject();
                    g.writeNullField("customKeyIdentifier");
                    g.writeNullField("displayName");
                    g.writeStringField("endDateTime", s.endDateTime().toString());
                    g.writeStringField("hint", s.hint());
                    g.writeStringField("keyId", s.keyId());
                    g.writeNullField("secretText");
                    g.writeStringField("startDateTime", s.startDateTime().toString());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
