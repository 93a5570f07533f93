package io.m365platform.contracts.schema;

/**
 * One backward-incompatible difference between a released schema and the current one.
 *
 * @param schema file, e.g. {@code directory/user.synced.v1.json}
 * @param path   where in the schema, as a path of property names ({@code /user/assignedLicenses[]/skuId})
 * @param kind   the kind of break
 * @param detail what changed
 */
public record Incompatibility(String schema, String path, IncompatibilityKind kind, String detail) {

    @Override
    public String toString() {
        return schema + " " + (path.isEmpty() ? "/" : path) + ": " + kind + " - " + detail;
    }
}
