package io.m365platform.graphsim.outlook;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantException;
import io.m365platform.graphsim.tenant.TenantFixture;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A mailbox module's section of a fixture's {@code extensions}: {@code {"seededBefore": instant, "mailboxes":
 * {"<userId>": {…}}}}. Users created before {@code seededBefore} without an entry get generated content. Shared by
 * the mail and calendar modules, which differ only in what one mailbox entry holds.
 */
public record MailboxFixtureSection(JsonNode section, Instant seededBefore) {

    /** The module's section of the fixture (absent: nothing stored, everything generated, seeded before now). */
    public static MailboxFixtureSection of(Tenant tenant, TenantFixture fixture, String extension) {
        JsonNode section = fixture.extensions() == null ? null : fixture.extensions().get(extension);
        Instant seededBefore = section != null && section.hasNonNull("seededBefore")
                ? Instant.parse(section.get("seededBefore").asText()) : tenant.now();
        return new MailboxFixtureSection(section, seededBefore);
    }

    /**
     * Hands each mailbox entry with its user to {@code load}, inside the tenant's write lock. An entry must name an
     * existing user and pass {@code valid}; otherwise the fixture is refused naming the mailbox.
     */
    public void forEachMailbox(Tenant tenant, String extension, String needs,
                               java.util.function.Predicate<JsonNode> valid, BiConsumer<User, JsonNode> load) {
        if (section == null) {
            return;
        }
        tenant.write(() -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = section.path("mailboxes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                User u = tenant.userTable().get(e.getKey());
                if (u == null || !valid.test(e.getValue())) {
                    throw TenantException.invalid("fixture extensions." + extension + ": mailbox " + e.getKey()
                            + " needs an existing user and " + needs);
                }
                load.accept(u, e.getValue());
            }
        });
    }
}
