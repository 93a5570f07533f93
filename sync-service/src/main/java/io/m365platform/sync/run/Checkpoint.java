package io.m365platform.sync.run;

/**
 * Where a resource's reading continues after the page just committed.
 *
 * @param nextLink     the Graph link of the next page, null when the current iteration is finished
 * @param cursor       for nested iterations (e.g. channels of each team): the last parent finished
 * @param newDeltaLink the delta link a delta round ended with, stored for the connection when the step completes
 */
public record Checkpoint(String nextLink, String cursor, String newDeltaLink) {

    public static final Checkpoint START = new Checkpoint(null, null, null);
}
