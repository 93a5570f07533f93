package io.m365platform.graphsim.tenant;

/**
 * What to generate: {@code seed} fixes every id, name and assignment; {@code users} is the directory size;
 * {@code name} becomes the domain prefix ({name}.onmicrosoft.com, {name}.example.com) and the tenant id is
 * derived from seed and name, so two tenants with different names never collide.
 */
public record GenerationSpec(long seed, int users, String name) {
    public GenerationSpec {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1");
        }
        if (name == null || name.isBlank()) {
            name = "contoso" + seed;
        }
        name = name.toLowerCase(java.util.Locale.ROOT);
        if (!name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("name must be lower-case letters, digits and '-' (got " + name + ")");
        }
    }

    public static GenerationSpec of(long seed, int users) {
        return new GenerationSpec(seed, users, null);
    }
}
