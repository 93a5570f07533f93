package io.m365platform.sync.engine;

import java.util.UUID;

/**
 * This instance no longer holds the run's lease (it was too slow to renew it and another instance took over). The
 * run stops here without writing anything more; the new owner continues from the last committed checkpoint.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(UUID runId) {
        super("lost the lease of run " + runId + " to another instance");
    }
}
