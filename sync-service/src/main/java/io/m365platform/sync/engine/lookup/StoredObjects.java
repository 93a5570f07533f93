package io.m365platform.sync.engine.lookup;

/**
 * What a run may find stored in one table of its connection, asked before rows are looked up. A table that held
 * rows of the connection when the run began answers "maybe" to everything ({@link #ANY}); on a first sync of the
 * table ({@link FreshTable}) only what this run wrote may be there, so most look-ups are skipped. "Maybe" costs a
 * look-up; "no" is certain.
 */
public interface StoredObjects {

    /** False: the object is certainly not stored. */
    boolean mayBeStored(String objectId);

    /** False: no child of the owner is stored. */
    boolean mayHaveChildren(String parentId);

    /** The object (with its owner; null: none) is about to be written by this run, or may have been. */
    void writing(String objectId, String parentId);

    /** Rows known new by other means are about to be written without being tracked. */
    void writingUntracked();

    /** True on a first sync of the table: "no" answers are possible. */
    boolean firstSync();

    /** A table that held rows when the run began: every object may be stored, nothing is tracked. */
    StoredObjects ANY = new StoredObjects() {
        @Override
        public boolean mayBeStored(String objectId) {
            return true;
        }

        @Override
        public boolean mayHaveChildren(String parentId) {
            return true;
        }

        @Override
        public void writing(String objectId, String parentId) {
        }

        @Override
        public void writingUntracked() {
        }

        @Override
        public boolean firstSync() {
            return false;
        }
    };
}
