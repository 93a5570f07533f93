package io.m365platform.sync.entity;

/**
 * An entity state ready to be stored: its identity, owner, canonical JSON and the hash of that JSON.
 */
public record StoredRow<S>(String objectId, String parentId, S state, byte[] json, byte[] hash) {
}
