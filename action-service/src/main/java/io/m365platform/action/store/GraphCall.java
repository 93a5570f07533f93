package io.m365platform.action.store;

/**
 * One Graph request made (or, in a dry run, that would be made) for an action.
 *
 * @param method    HTTP method
 * @param path      path relative to the Graph base, without the query
 * @param status    HTTP status of the answer; null in a dry run or when no answer came
 * @param requestId Graph's request-id of the answer, when there was one
 * @param dryRun    true when the call was only planned (a write of a dry run)
 */
public record GraphCall(String method, String path, Integer status, String requestId, boolean dryRun) {
}
