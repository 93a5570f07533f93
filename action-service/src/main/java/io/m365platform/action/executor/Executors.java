package io.m365platform.action.executor;

import io.m365platform.action.client.CopyMonitor;
import io.m365platform.action.config.ActionConfig;
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
    public Executors(CopyMonitor monitor, ActionConfig config) {
        this(standard(monitor, config.worker().monitorInterval()));
    }

    /** One executor per action type this version runs. */
    public static List<ActionExecutor> standard(CopyMonitor monitor, java.time.Duration monitorInterval) {
        return List.of(new OneDriveTransferExecutor(monitor, monitorInterval),
                UserPropertyExecutor.enable(true), UserPropertyExecutor.enable(false), UserPropertyExecutor.update(),
                UserPropertyExecutor.userType(), ManagerExecutor.set(), ManagerExecutor.remove(),
                new RevokeSessionsExecutor(), new DeleteUserExecutor(), GroupMemberExecutor.add(),
                GroupMemberExecutor.remove(), LicenseExecutor.assign(), LicenseExecutor.remove(),
                TeamMemberExecutor.add(), TeamMemberExecutor.remove(), MailForwardingExecutor.set(),
                MailForwardingExecutor.remove(), new AutomaticRepliesExecutor(), new CalendarEventsExecutor(),
                new CalendarDelegationExecutor(), new CreateUserExecutor());
    }

    public Executors(List<ActionExecutor> executors) {
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
