package io.m365platform.sync.engine;

/**
 * A table (an entity kind's, or raw edges) of which the connection had no stored row when this run began writing it: a first sync. Only the
 * lease holder writes a connection's rows, so the only rows that can be stored are those this run has written
 * since; filters of their ids and owners tell which objects may be stored, and the others need no look-up (a first
 * sync of a large tenant then reads nothing back from its tables). A false "may be" costs a look-up, never a wrong
 * answer; a run resumed elsewhere finds rows and looks up everything.
 */
public final class FreshTable {

    private final IdFilter written = new IdFilter();
    private final IdFilter owners = new IdFilter();

    /** False: the object is certainly not stored. */
    public boolean mayBeStored(String objectId) {
        return written.mightContain(objectId);
    }

    /** False: no child of the owner is stored. */
    public boolean mayHaveChildren(String parentId) {
        return owners.mightContain(parentId);
    }

    /** The object (with its owner, null: none) is about to be written by this run (or may have been). */
    public void writing(String objectId, String parentId) {
        written.add(objectId);
        if (parentId != null) {
            owners.add(parentId);
        }
    }
}
