package io.m365platform.action.executor;

import io.m365platform.contracts.action.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The executor of each action type this service can run. */
@ApplicationScoped
public class Executors {

    private final Map<ActionType, ActionExecutor> byType = new EnumMap<>(ActionType.class);

    @Inject
    public Executors() {
        this(List.of(
                UserPropertyExecutor.enable(true), UserPropertyExecutor.enable(false), UserPropertyExecutor.update(),
                UserPropertyExecutor.userType(), ManagerExecutor.set(), ManagerExecutor.remove(),
                new RevokeSessionsExecutor(), new DeleteUserExecutor(), GroupMemberExecutor.add(),
                GroupMemberExecutor.remove()));
    }

    Executors(List<ActionExecutor> executors) {
        for (ActionExecutor e : executors) {
            if (byType.put(e.type(), e) != null) {
                throw new IllegalStateException("two executors for " + e.type().wireName());
            }
        }
    }

    public Optional<ActionExecutor> forType(ActionType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
