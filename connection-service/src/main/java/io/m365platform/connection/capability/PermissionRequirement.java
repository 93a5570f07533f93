package io.m365platform.connection.capability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one capability needs under one connection method: either it is unsupported (with the one-sentence reason and
 * fix), or it needs every clause satisfied, a clause being satisfied by any of its permissions. The first permission
 * of a clause is the least privileged one and the one a fix names.
 *
 * @param clauses     all must hold; empty when unsupported
 * @param unsupported the sentence explaining why the method cannot do this, or empty when supported
 * @param note        an extra condition Graph checks beyond permissions (e.g. an Entra role), or empty
 */
public record PermissionRequirement(List<List<String>> clauses, Optional<String> unsupported, Optional<String> note) {

    public PermissionRequirement {
        clauses = clauses.stream().map(List::copyOf).toList();
        if (unsupported.isPresent() == !clauses.isEmpty()) {
            throw new IllegalArgumentException("a requirement is either unsupported or has clauses, not both or neither");
        }
        if (clauses.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a clause needs at least one permission");
        }
    }

    public boolean supported() {
        return unsupported.isEmpty();
    }

    /** The recommended permission of every clause that {@code granted} does not satisfy, in clause order. */
    public List<String> missingFrom(Set<String> granted) {
        List<String> missing = new ArrayList<>();
        for (List<String> clause : clauses) {
            if (clause.stream().noneMatch(granted::contains) && !missing.contains(clause.get(0))) {
                missing.add(clause.get(0));
            }
        }
        return List.copyOf(missing);
    }
}
