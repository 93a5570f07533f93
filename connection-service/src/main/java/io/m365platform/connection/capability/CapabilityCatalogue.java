package io.m365platform.connection.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The capability table's definition, read from {@code capabilities/catalogue.json}: the capabilities with their
 * permission requirements per method, and the per-product permission lists of the setup guides. Keeping this as
 * data means adding a capability or correcting a permission is an edit of one JSON file, not of code.
 */
public final class CapabilityCatalogue {

    public static final String RESOURCE = "capabilities/catalogue.json";

    private final List<CapabilityDefinition> capabilities;
    private final Map<Product, ProductProfile> products;

    CapabilityCatalogue(List<CapabilityDefinition> capabilities, Map<Product, ProductProfile> products) {
        this.capabilities = List.copyOf(capabilities);
        this.products = Map.copyOf(products);
    }

    /** Loads the catalogue shipped with the service. */
    public static CapabilityCatalogue load() {
        try (InputStream in = CapabilityCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static CapabilityCatalogue parse(JsonNode root) {
        Map<Product, ProductProfile> products = new EnumMap<>(Product.class);
        for (Product product : Product.values()) {
            JsonNode p = required(root.path("products"), product.wireName());
            Map<PermissionKind, List<String>> read = new EnumMap<>(PermissionKind.class);
            Map<PermissionKind, List<String>> act = new EnumMap<>(PermissionKind.class);
            for (PermissionKind kind : PermissionKind.values()) {
                JsonNode lists = required(required(p, "permissions"), kind.catalogueKey());
                read.put(kind, strings(required(lists, PermissionLevel.READ.wireName())));
                act.put(kind, strings(required(lists, PermissionLevel.READ_WRITE.wireName())));
            }
            products.put(product, new ProductProfile(product, required(p, "title").asText(),
                    required(p, "usageReport").asText(), read, act));
        }
        List<CapabilityDefinition> capabilities = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode c : root.path("capabilities")) {
            String id = required(c, "id").asText();
            if (!ids.add(id)) {
                throw new IllegalStateException("capability " + id + " is defined twice in " + RESOURCE);
            }
            Map<PermissionKind, PermissionRequirement> requirements = new EnumMap<>(PermissionKind.class);
            for (PermissionKind kind : PermissionKind.values()) {
                requirements.put(kind, requirement(id, required(c, kind.catalogueKey())));
            }
            Set<Product> forProducts = new LinkedHashSet<>();
            for (JsonNode p : required(c, "products")) {
                forProducts.add(product(p.asText(), id));
            }
            capabilities.add(new CapabilityDefinition(id, required(c, "title").asText(),
                    kind(required(c, "kind").asText(), id), level(required(c, "level").asText(), id), forProducts,
                    requirements, text(c, "probe"), text(c, "probeDenied")));
        }
        if (capabilities.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " defines no capability");
        }
        return new CapabilityCatalogue(capabilities, products);
    }

    /** All capabilities, in table order. */
    public List<CapabilityDefinition> capabilities() {
        return capabilities;
    }

    /** The capabilities a product's table lists, in table order. */
    public List<CapabilityDefinition> capabilitiesOf(Product product) {
        return capabilities.stream().filter(c -> c.products().contains(product)).toList();
    }

    public Optional<CapabilityDefinition> capability(String id) {
        return capabilities.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public ProductProfile product(Product product) {
        return products.get(product);
    }

    private static PermissionRequirement requirement(String id, JsonNode node) {
        Optional<String> unsupported = text(node, "unsupported");
        List<List<String>> clauses = new ArrayList<>();
        for (JsonNode clause : node.path("requires")) {
            clauses.add(strings(clause));
        }
        try {
            return new PermissionRequirement(clauses, unsupported, text(node, "note"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("capability " + id + ": " + e.getMessage(), e);
        }
    }

    private static Product product(String wire, String id) {
        for (Product p : Product.values()) {
            if (p.wireName().equals(wire)) {
                return p;
            }
        }
        throw new IllegalStateException("capability " + id + " names unknown product " + wire);
    }

    private static CapabilityKind kind(String wire, String id) {
        for (CapabilityKind k : CapabilityKind.values()) {
            if (k.wireName().equals(wire)) {
                return k;
            }
        }
        throw new IllegalStateException("capability " + id + " has unknown kind " + wire);
    }

    private static PermissionLevel level(String wire, String id) {
        for (PermissionLevel l : PermissionLevel.values()) {
            if (l.wireName().equals(wire)) {
                return l;
            }
        }
        throw new IllegalStateException("capability " + id + " has unknown level " + wire);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(RESOURCE + ": missing '" + field + "'");
        }
        return value;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
