package dev.jirasim.conformance.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The shape of a body: for JSON, every path with the set of JSON types seen there. Array elements share one
 * path ({@code $.issues[*]}), so an array's shape is the union of its elements' shapes and its length does not
 * count. Numbers are one type: whether a serializer writes {@code 2} or {@code 2.0} is not a difference.
 *
 * @param kind  empty, JSON, or other text (HTML, plain text), compared as such
 * @param types path → types (string, number, boolean, null, object, array); empty unless JSON
 */
public record Shape(Kind kind, SortedMap<String, SortedSet<String>> types) {
    public enum Kind { EMPTY, JSON, TEXT }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static Shape of(String body) {
        if (body == null || body.isBlank()) return new Shape(Kind.EMPTY, Collections.emptySortedMap());
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception notJson) {
            return new Shape(Kind.TEXT, Collections.emptySortedMap());
        }
        var types = new TreeMap<String, SortedSet<String>>();
        walk(root, "$", types);
        return new Shape(Kind.JSON, Collections.unmodifiableSortedMap(types));
    }

    private static void walk(JsonNode node, String path, Map<String, SortedSet<String>> types) {
        types.computeIfAbsent(path, k -> new TreeSet<>()).add(type(node));
        if (node.isObject()) node.properties().forEach(e -> walk(e.getValue(), member(path, e.getKey()), types));
        if (node.isArray()) node.forEach(element -> walk(element, path + "[*]", types));
    }

    static String member(String path, String name) {
        return PLAIN_NAME.matcher(name).matches() ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }

    private static String type(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
