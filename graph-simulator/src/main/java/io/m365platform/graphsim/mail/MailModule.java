package io.m365platform.graphsim.mail;

import io.m365platform.graphsim.outlook.MailboxFixtureSection;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.WritePermissions;
import io.m365platform.graphsim.graph.Pages;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.outlook.Mailboxes;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantException;
import io.m365platform.graphsim.tenant.TenantFixture;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Mailbox settings and inbox rules (GRAPH_FACTS §6, §8): GET/PATCH /users/{id}/mailboxSettings (PATCH answers 200
 * with the changed settings), GET …/mailboxSettings/automaticRepliesSetting, and
 * /users/{id}/mailFolders/inbox/messageRules (list, get, POST → 201, PATCH → 200, DELETE → 204). Permissions:
 * MailboxSettings.Read / MailboxSettings.ReadWrite, denied with Exchange's 403 ErrorAccessDenied. Users without an
 * Exchange licence have no mailbox (404 MailboxNotEnabledForRESTAPI).
 *
 * <p>Fixture section {@code extensions.mail}: {"seededBefore": instant, "mailboxes": {"&lt;userId&gt;":
 * {"settings": {…mailboxSettings…}, "rules": [{…messageRule…}]}}} — mailboxes not listed are generated.
 */
public final class MailModule implements SimulatorModule {
    private static final String RULES = "/v1.0/users/{id}/mailFolders/{folder}/messageRules";

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        c.graph("GET", "/v1.0/users/{id}/mailboxSettings", WritePermissions.MAILBOX_SETTINGS_READ, this::getSettings);
        c.graph("GET", "/v1.0/users/{id}/mailboxSettings/automaticRepliesSetting", WritePermissions.MAILBOX_SETTINGS_READ, this::getAutomaticReplies);
        c.graph("PATCH", "/v1.0/users/{id}/mailboxSettings", WritePermissions.MAILBOX_SETTINGS_WRITE, this::patchSettings);
        c.graph("GET", RULES, WritePermissions.MAILBOX_SETTINGS_READ, this::listRules);
        c.graph("POST", RULES, WritePermissions.MAILBOX_SETTINGS_WRITE, this::createRule);
        c.graph("GET", RULES + "/{ruleId}", WritePermissions.MAILBOX_SETTINGS_READ, this::getRule);
        c.graph("PATCH", RULES + "/{ruleId}", WritePermissions.MAILBOX_SETTINGS_WRITE, this::updateRule);
        c.graph("DELETE", RULES + "/{ruleId}", WritePermissions.MAILBOX_SETTINGS_WRITE, this::deleteRule);
    }

    private record Owned(User user, Mailbox mailbox) {
    }

    private static Owned read(SimRequest req) {
        Tenant t = req.tenant();
        return t.read(() -> {
            User u = Mailboxes.requireMailbox(t, req.pathVariable("id"));
            return new Owned(u, MailboxState.of(t).mailbox(t, u));
        });
    }

    /** Changes a mailbox under the write lock; the change counts as a tenant change (sequence number). */
    private static <R> R change(SimRequest req, java.util.function.BiFunction<User, Mailbox, Change<R>> f) {
        Tenant t = req.tenant();
        return t.write(() -> {
            User u = Mailboxes.requireMailbox(t, req.pathVariable("id"));
            MailboxState state = MailboxState.of(t);
            Change<R> c = f.apply(u, state.mailbox(t, u));
            state.put(u.id(), c.mailbox());
            t.nextSeq();
            return c.result();
        });
    }

    private record Change<R>(Mailbox mailbox, R result) {
    }

    private static String context(SimRequest req, User u, String suffix) {
        return Pages.context(req, "users('" + u.id() + "')/" + suffix);
    }

    // ------------------------------------------------------------------ settings

    private void getSettings(SimRequest req, SimResponse res) throws IOException {
        Owned o = read(req);
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context(req, o.user(), "mailboxSettings"));
            writeFields(g, o.mailbox().settings());
            g.writeEndObject();
        });
    }

    private void getAutomaticReplies(SimRequest req, SimResponse res) throws IOException {
        Owned o = read(req);
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context(req, o.user(), "mailboxSettings/automaticRepliesSetting"));
            writeFields(g, (ObjectNode) o.mailbox().settings().get("automaticRepliesSetting"));
            g.writeEndObject();
        });
    }

    private void patchSettings(SimRequest req, SimResponse res) throws IOException {
        JsonNode body = req.bodyJson();
        record Patched(User user, MailboxSettingsPatch.Result result) {
        }
        Patched p = change(req, (u, m) -> {
            MailboxSettingsPatch.Result r = MailboxSettingsPatch.apply(m.settings(), body);
            return new Change<>(m.withSettings(r.settings()), new Patched(u, r));
        });
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context(req, p.user(), "mailboxSettings"));
            for (String f : p.result().changed()) {
                g.writeFieldName(f);
                g.writeTree(p.result().settings().get(f));
            }
            g.writeEndObject();
        });
    }

    // ------------------------------------------------------------------ rules

    private static void requireInbox(SimRequest req) {
        if (!req.pathVariable("folder").equalsIgnoreCase("inbox")) {
            throw Mailboxes.itemNotFound(); // rules live on the inbox only
        }
    }

    private void listRules(SimRequest req, SimResponse res) throws IOException {
        requireInbox(req);
        Owned o = read(req);
        Pages.write(req, res, "users('" + o.user().id() + "')/mailFolders('inbox')/messageRules", null, null, null,
                o.mailbox().rules(), (g, rule) -> g.writeTree(rule));
    }

    private void getRule(SimRequest req, SimResponse res) throws IOException {
        requireInbox(req);
        Owned o = read(req);
        ObjectNode rule = find(o.mailbox(), req.pathVariable("ruleId"));
        Pages.single(req, res, "users('" + o.user().id() + "')/mailFolders('inbox')/messageRules/$entity", g -> writeFields(g, rule));
    }

    private void createRule(SimRequest req, SimResponse res) throws IOException {
        requireInbox(req);
        JsonNode body = req.bodyJson();
        Tenant t = req.tenant();
        record Created(User user, ObjectNode rule) {
        }
        Created c = change(req, (u, m) -> {
            int nextSequence = m.rules().stream().mapToInt(r -> r.path("sequence").asInt()).max().orElse(0) + 1;
            ObjectNode rule = MessageRules.create(body, MailboxState.of(t).ruleId(u, m.nextRuleNumber()), nextSequence);
            List<ObjectNode> rules = new ArrayList<>(m.rules());
            rules.add(rule);
            return new Change<>(m.withRules(rules, m.nextRuleNumber() + 1), new Created(u, rule));
        });
        res.json(201, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", Pages.context(req, "users('" + c.user().id() + "')/mailFolders('inbox')/messageRules/$entity"));
            writeFields(g, c.rule());
            g.writeEndObject();
        });
    }

    private void updateRule(SimRequest req, SimResponse res) throws IOException {
        requireInbox(req);
        JsonNode body = req.bodyJson();
        String id = req.pathVariable("ruleId");
        record Updated(User user, ObjectNode rule) {
        }
        Updated up = change(req, (u, m) -> {
            ObjectNode updated = MessageRules.update(find(m, id), body);
            List<ObjectNode> rules = new ArrayList<>();
            for (ObjectNode r : m.rules()) {
                rules.add(r.path("id").asText().equals(updated.path("id").asText()) ? updated : r);
            }
            return new Change<>(m.withRules(rules, m.nextRuleNumber()), new Updated(u, updated));
        });
        Pages.single(req, res, "users('" + up.user().id() + "')/mailFolders('inbox')/messageRules/$entity", g -> writeFields(g, up.rule()));
    }

    private void deleteRule(SimRequest req, SimResponse res) throws IOException {
        requireInbox(req);
        String id = req.pathVariable("ruleId");
        change(req, (u, m) -> {
            ObjectNode rule = find(m, id);
            List<ObjectNode> rules = new ArrayList<>(m.rules());
            rules.remove(rule);
            return new Change<>(m.withRules(rules, m.nextRuleNumber()), null);
        });
        res.empty(204);
    }

    private static ObjectNode find(Mailbox m, String id) {
        for (ObjectNode r : m.rules()) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw Mailboxes.itemNotFound();
    }

    static void writeFields(JsonGenerator g, ObjectNode node) throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            g.writeFieldName(e.getKey());
            g.writeTree(e.getValue());
        }
    }

    // ------------------------------------------------------------------ fixtures

    @Override
    public void onTenantLoaded(Tenant tenant, TenantFixture fixture) {
        MailboxFixtureSection fixtureSection = MailboxFixtureSection.of(tenant, fixture, name());
        MailboxState state = tenant.extension(MailboxState.class,
                t -> new MailboxState(t.seed(), fixtureSection.seededBefore()));
        fixtureSection.forEachMailbox(tenant, name(), "settings", box -> box.path("settings").isObject(), (u, box) -> {
            List<ObjectNode> rules = new ArrayList<>();
            box.path("rules").forEach(r -> rules.add((ObjectNode) r.deepCopy()));
            state.put(u.id(), new Mailbox(box.get("settings").deepCopy(), rules, rules.size() + 10L));
        });
    }

    @Override
    public void onTenantGenerated(Tenant tenant, io.m365platform.graphsim.tenant.GenerationSpec spec) {
        MailboxState.of(tenant);
    }

    @Override
    public Object exportState(Tenant tenant) {
        MailboxState state = MailboxState.of(tenant);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("seededBefore", state.seededBefore().toString());
        ObjectNode boxes = root.putObject("mailboxes");
        tenant.read(() -> {
            state.stored().forEach((id, m) -> {
                ObjectNode box = boxes.putObject(id);
                box.set("settings", m.settings());
                box.putArray("rules").addAll(m.rules());
            });
            return null;
        });
        return root;
    }

}
