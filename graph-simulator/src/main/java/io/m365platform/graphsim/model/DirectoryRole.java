package io.m365platform.graphsim.model;

/** An activated directory role in a tenant: its own object id and the built-in template it instantiates. */
public record DirectoryRole(String id, String roleTemplateId) {
}
