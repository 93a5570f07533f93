package io.m365platform.graphsim.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One user's mailbox as the simulator keeps it: the full mailboxSettings document and the inbox rules, both in
 * Graph's JSON shape (already validated). Treated as immutable: a change stores a new Mailbox with fresh copies,
 * so readers can serialise a mailbox after releasing the tenant's lock.
 */
record Mailbox(ObjectNode settings, List<ObjectNode> rules, long nextRuleNumber) {
    Mailbox {
        rules = List.copyOf(rules);
    }

    Mailbox withSettings(ObjectNode s) {
        return new Mailbox(s, rules, nextRuleNumber);
    }

    Mailbox withRules(List<ObjectNode> r, long next) {
        return new Mailbox(settings, r, next);
    }
}
