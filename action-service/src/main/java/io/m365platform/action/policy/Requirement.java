package io.m365platform.action.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an action needs under one connection method: unsupported (with the capability table's sentence), or every
 * clause satisfied, a clause by any of its permissions (the first being the least privileged one, named in fixes).
 */
record Requirement(List<List<String>> clauses, String unsupported) {

    static Requirement needs(List<List<String>> clauses) {
        return new Requirement(clauses, null);
    }

    static Requirement unsupported(String sentence) {
        return new Requirement(List.of(), sentence);
    }

    boolean supported() {
        return unsupported == null;
    }

    List<String> missingFrom(Set<String> granted) {
        List<String> missing = new ArrayList<>();
        for (List<String> clause : clauses) {
            if (clause.stream().noneMatch(granted::contains)) {
                missing.add(clause.get(0));
            }
        }
        return missing;
    }
}
