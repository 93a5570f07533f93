package io.m365platform.sync.resource;

import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.engine.ResourceSync;
import io.m365platform.sync.engine.RunScope;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.StepStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resource read per owner (channels and members per team, installed apps per user): owners come from the synced
 * tables in id order, each owner's complete child list is read (all its pages) and its stored children not seen are
 * deleted. The checkpoint names the owner reached, so a resumed run continues with it.
 */
public abstract class PerParentResourceSync implements ResourceSync {

    private static final int OWNERS_PER_QUERY = 500;

    protected abstract EntityKind<?> childKind();

    /**
     * SQL returning the owner ids to read in this run, in id order, after a given id: two parameters (connection,
     * after).
     */
    protected abstract String ownersQuery(RunMode mode);

    /** Work after every owner was read (idempotent: a resumed step may run it again). */
    protected void afterReading(StepScope step) {
    }

    /** The first request for one owner, e.g. {@code /teams/{id}/channels}. */
    protected abstract String request(String ownerId);

    protected abstract ItemMapper mapper(String ownerId);

    @Override
    public boolean appliesTo(RunMode mode, KnownConnection connection) {
        return mode == RunMode.FULL && KnownConnection.TEAMS_PRODUCT.equals(connection.product());
    }

    @Override
    public void sync(StepScope step) {
        step.begin(StepScope.FULL);
        step.sweep(childKind());
        if (!step.readingFinished()) {
            RunScope run = step.run();
            Checkpoint start = step.checkpoint();
            // An owner interrupted mid-way is read again from its next page; a finished one is not read again.
            boolean resumeInside = start.cursor() != null && start.nextLink() != null;
            String after = start.cursor();
            if (resumeInside) {
                readOwner(step, start.cursor());
            }
            while (true) {
                List<String> owners = owners(run, ownersQuery(run.run().mode()), after);
                if (owners.isEmpty()) {
                    break;
                }
                for (String owner : owners) {
                    run.checkNotStopped();
                    readOwner(step, owner);
                }
                after = owners.getLast();
            }
            step.finishReading();
        }
        afterReading(step);
        step.complete(step.run().run().mode() == RunMode.FULL ? "full reconcile per owner" : "changed owners");
    }

    private void readOwner(StepScope step, String owner) {
        try {
            step.readChildren(owner, request(owner), Map.of(), childKind(), mapper(owner));
        } catch (GraphRequestException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            // The owner disappeared after it was synced: it has no children any more.
            step.commit(new PageChanges().sweepChildren(childKind(), owner), new Checkpoint(null, owner, null),
                    StepStatus.RUNNING);
        }
    }

    private static List<String> owners(RunScope run, String query, String after) {
        return run.engine().jdbc().withConnection(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(query + " limit " + OWNERS_PER_QUERY)) {
                ps.setString(1, run.connectionId());
                ps.setString(2, after == null ? "" : after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }
}
