package io.m365platform.sync.rest;

import java.util.List;

/**
 * One page of a listing; {@code nextCursor} is passed as {@code cursor} to get the next page (null on the last).
 */
public record PageView<T>(List<T> items, String nextCursor) {
}
