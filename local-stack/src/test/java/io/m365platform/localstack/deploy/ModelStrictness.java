package io.m365platform.localstack.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds what fabric8's model could not place: a field the Kubernetes API schema does not have (a typo such as
 * {@code readinessprobe}) or a value of the wrong type ends up in some object's {@code additionalProperties}
 * instead of failing the parse. Walks the typed object graph and reports each such field with its path.
 */
final class ModelStrictness {

    private ModelStrictness() {
    }

    static List<String> unknownFields(Object model) {
        List<String> problems = new ArrayList<>();
        walk(model, "", problems, 0);
        return problems;
    }

    private static void walk(Object node, String path, List<String> problems, int depth) {
        if (node == null || depth > 40) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", problems, depth + 1);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, depth + 1));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add((path.isEmpty() ? "(top)" : path) + ": not in the API schema: " + extra.keySet());
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(value, path + "." + name, problems, depth + 1);
        }
    }
}
