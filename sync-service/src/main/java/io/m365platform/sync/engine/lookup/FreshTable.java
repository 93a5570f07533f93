package io.m365platform.sync.engine.lookup;

/**
 * A table (an entity kind's, or raw edges) of which the connection had no stored row when this run began writing
 * it: a first sync. Only the lease holder writes a connection's rows, so the only rows that can be stored are those
 * this run has written since; filters of their ids and owners tell which objects may be stored, and the others
 * need no look-up (a first sync of a large tenant then reads nothing back from its tables). A false "may be" costs
 * a look-up, never a wrong answer; a run resumed elsewhere finds rows and looks up everything.
 */
final class FreshTable implements StoredObjects {

    private volatile IdFilter written = new IdFilter();
    private volatile IdFilter owners = new IdFilter();

    @Override
    public boolean mayBeStored(String objectId) {
        IdFilter ids = written;
        return ids == null || ids.mightContain(objectId);
    }

    @Override
    public boolean mayHaveChildren(String parentId) {
        IdFilter ids = owners;
        return ids == null || ids.mightContain(parentId);
    }

    /**
     * Rows were written without being tracked (objects known new by other means, e.g. a first sync's memberships:
     * millions, never looked up): from now on every object may be stored, and the filters' memory is freed.
     */
    @Override
    public void writingUntracked() {
        written = null;
        owners = null;
    }

    @Override
    public void writing(String objectId, String parentId) {
        IdFilter ids = written;
        IdFilter parents = owners;
        if (ids == null) {
            return;
        }
        ids.add(objectId);
        if (parentId != null) {
            parents.add(parentId);
        }
    }

    @Override
    public boolean firstSync() {
        return true;
    }
}
