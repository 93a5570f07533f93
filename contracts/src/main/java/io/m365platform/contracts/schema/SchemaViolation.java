package io.m365platform.contracts.schema;

/**
 * One way a JSON document breaks its schema.
 *
 * @param path    JSON pointer of the offending value in the document ({@code /user/accountEnabled}; empty
 *                for the document itself)
 * @param keyword the schema keyword that failed, e.g. {@code required}, {@code type}, {@code enum}
 * @param message readable explanation
 */
public record SchemaViolation(String path, String keyword, String message) {

    @Override
    public String toString() {
        return (path.isEmpty() ? "/" : path) + ": " + message;
    }
}
