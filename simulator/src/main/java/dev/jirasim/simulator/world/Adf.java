package dev.jirasim.simulator.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Atlassian Document Format as plain trees (maps, lists, strings): v3 speaks it for descriptions and
 * comments, v2 speaks strings. Conversions here are the simple, lossless-for-text ones.
 */
public final class Adf {
    private Adf() {
    }

    /** A document with one paragraph per line of {@code text}; null for null. */
    public static Map<String, Object> fromText(String text) {
        if (text == null) return null;
        var content = new ArrayList<Object>();
        for (String line : text.split("\n", -1)) {
            var paragraph = new LinkedHashMap<String, Object>();
            paragraph.put("type", "paragraph");
            paragraph.put("content", line.isEmpty() ? List.of() : List.of(Map.of("type", "text", "text", line)));
            content.add(paragraph);
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("type", "doc");
        doc.put("version", 1);
        doc.put("content", content);
        return doc;
    }

    /** The text of a document: block nodes become lines, hard breaks newlines. */
    public static String toText(Object node) {
        if (node == null) return null;
        var sb = new StringBuilder();
        append(node, sb);
        return sb.toString().replaceAll("\n+$", "");
    }

    private static void append(Object node, StringBuilder sb) {
        if (node instanceof Map<?, ?> map) {
            Object type = map.get("type");
            if ("text".equals(type) && map.get("text") instanceof String s) sb.append(s);
            else if ("hardBreak".equals(type)) sb.append('\n');
            if (map.get("content") instanceof List<?> children) for (Object c : children) append(c, sb);
            if ("paragraph".equals(type) || "heading".equals(type) || "listItem".equals(type) || "codeBlock".equals(type)) sb.append('\n');
        } else if (node instanceof List<?> list) {
            for (Object c : list) append(c, sb);
        }
    }

    /** True when the value has the shape of an ADF document: an object with type "doc", version 1 and content. */
    public static boolean isDocument(Object value) {
        return value instanceof Map<?, ?> map && "doc".equals(map.get("type"))
                && map.get("version") instanceof Number v && v.intValue() == 1 && map.get("content") instanceof List<?>;
    }
}
