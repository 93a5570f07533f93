package io.m365platform.graphsim.graph;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The microsoft.graph schema of Graph's v1.0 CSDL: entity/complex types, their properties and base types. */
final class GraphMetadata {
    record Type(String name, String baseType, Map<String, String> properties) {
    }

    private final Map<String, Type> types = new HashMap<>();

    GraphMetadata() throws Exception {
        try (InputStream in = new GZIPInputStream(GraphMetadata.class.getResourceAsStream("/csdl/graph-v1.0-csdl.xml.gz"))) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(in);
            NodeList schemas = doc.getElementsByTagNameNS("*", "Schema");
            for (int s = 0; s < schemas.getLength(); s++) {
                Element schema = (Element) schemas.item(s);
                if (!"microsoft.graph".equals(schema.getAttribute("Namespace"))) {
                    continue;
                }
                for (Node n = schema.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && (e.getLocalName().equals("EntityType") || e.getLocalName().equals("ComplexType"))) {
                        Map<String, String> props = new HashMap<>();
                        for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
                            if (p instanceof Element pe && (pe.getLocalName().equals("Property") || pe.getLocalName().equals("NavigationProperty"))) {
                                props.put(pe.getAttribute("Name"), pe.getAttribute("Type"));
                            }
                        }
                        String base = e.getAttribute("BaseType");
                        types.put(e.getAttribute("Name"), new Type(e.getAttribute("Name"), base.isEmpty() ? null : strip(base), props));
                    }
                }
            }
        }
    }

    /** graph.user / microsoft.graph.user / #microsoft.graph.user / Collection(graph.user) → user */
    static String strip(String type) {
        String t = type.startsWith("Collection(") ? type.substring(11, type.length() - 1) : type;
        t = t.startsWith("#") ? t.substring(1) : t;
        if (t.startsWith("microsoft.graph.")) {
            return t.substring("microsoft.graph.".length());
        }
        if (t.startsWith("graph.")) {
            return t.substring("graph.".length());
        }
        return t;
    }

    boolean hasType(String name) {
        return types.containsKey(name);
    }

    /** The declared type of a property on a type or its bases, or null if the property does not exist. */
    String propertyType(String typeName, String property) {
        for (Type t = types.get(typeName); t != null; t = t.baseType() == null ? null : types.get(t.baseType())) {
            String p = t.properties().get(property);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    boolean isSubtype(String type, String of) {
        for (Type t = types.get(type); t != null; t = t.baseType() == null ? null : types.get(t.baseType())) {
            if (t.name().equals(of)) {
                return true;
            }
        }
        return false;
    }
}
