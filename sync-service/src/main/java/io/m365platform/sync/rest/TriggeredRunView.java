package io.m365platform.sync.rest;

/**
 * Answer of a trigger: the run, and whether it is new ({@code created}) or the connection's already active run
 * that absorbs the request.
 */
public record TriggeredRunView(boolean created, RunView run) {
}
