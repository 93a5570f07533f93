package io.m365platform.graphsim.outlook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Request bodies from the Graph SDK carry instance annotations such as {@code "@odata.type":
 * "#microsoft.graph.automaticRepliesSetting"} at every level; validators look at properties only.
 */
public final class ODataAnnotations {
    private ODataAnnotations() {
    }

    /** A copy of {@code node} without "@odata.*" members, at any depth. */
    public static JsonNode strip(JsonNode node) {
        JsonNode copy = node.deepCopy();
        stripInPlace(copy);
        return copy;
    }

    private static void stripInPlace(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> annotations = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (f.startsWith("@odata.")) {
                    annotations.add(f);
                }
            }
            o.remove(annotations);
            o.forEach(ODataAnnotations::stripInPlace);
        } else if (node.isArray()) {
            node.forEach(ODataAnnotations::stripInPlace);
        }
    }
}
