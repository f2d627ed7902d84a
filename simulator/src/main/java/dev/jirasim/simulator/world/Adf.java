package dev.jirasim.simulator.world;

import java.util.List;
import java.util.Map;

/**
 * Atlassian Document Format as plain trees (maps, lists, strings): v3 speaks it for descriptions and
 * comments, v2 speaks strings. Conversions here are the simple, lossless-for-text ones.
 */
public final class Adf {
    private Adf() {
    }

    /** A document with one paragraph per line of {@code text}; null for null. Kept as the text (see PlainDoc). */
    public static Map<String, Object> fromText(String text) {
        return text == null ? null : new PlainDoc(text);
    }

    /**
     * An immutable, compact copy of an ADF tree for storage: maps keep their order, lists their nulls, and the
     * node-type names are shared. Anything that is not a map or list is kept as it is.
     */
    public static Object freeze(Object node) {
        if (node instanceof FrozenMap || node instanceof PlainDoc) return node;
        if (node instanceof Map<?, ?> map) {
            return FrozenMap.of(map, v -> v instanceof String s && s.length() <= 16 && NODE_TYPES.contains(s) ? s.intern() : freeze(v));
        }
        if (node instanceof List<?> list) {
            var copy = new Object[list.size()];
            boolean nulls = false;
            for (int i = 0; i < copy.length; i++) {
                copy[i] = freeze(list.get(i));
                nulls |= copy[i] == null;
            }
            return nulls ? java.util.Collections.unmodifiableList(java.util.Arrays.asList(copy)) : List.of(copy);
        }
        return node;
    }

    private static final java.util.Set<String> NODE_TYPES = java.util.Set.of("doc", "paragraph", "text", "hardBreak", "heading",
            "bulletList", "orderedList", "listItem", "codeBlock", "blockquote", "rule", "mention", "emoji", "inlineCard", "strong", "em",
            "code", "link", "strike", "underline");

    /** The text of a document: block nodes become lines, hard breaks newlines. */
    public static String toText(Object node) {
        if (node == null) return null;
        // What the walk below would build: each line and a newline. ("$" also matches before a final "\r\n", so
        // the text alone is not the same string to trim.)
        if (node instanceof PlainDoc doc) return TRAILING_NEWLINES.matcher(doc.text() + "\n").replaceAll("");
        var sb = new StringBuilder();
        append(node, sb);
        return TRAILING_NEWLINES.matcher(sb).replaceAll("");
    }

    private static final java.util.regex.Pattern TRAILING_NEWLINES = java.util.regex.Pattern.compile("\n+$");

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

    /** Whether a document holds nothing a reader would see: no text, mention, emoji, card or rule. */
    public static boolean isBlank(Object node) {
        if (node instanceof PlainDoc doc) return doc.text().isBlank();
        if (node instanceof Map<?, ?> map) {
            Object type = map.get("type");
            if ("mention".equals(type) || "emoji".equals(type) || "inlineCard".equals(type) || "rule".equals(type)) return false;
            if ("text".equals(type) && map.get("text") instanceof String s && !s.isBlank()) return false;
            return !(map.get("content") instanceof List<?> children) || isBlank(children);
        }
        if (node instanceof List<?> list) {
            for (Object c : list) if (!isBlank(c)) return false;
        }
        return true;
    }

    /** True when the value has the shape of an ADF document: an object with type "doc", version 1 and content. */
    public static boolean isDocument(Object value) {
        return value instanceof Map<?, ?> map && "doc".equals(map.get("type"))
                && map.get("version") instanceof Number v && v.intValue() == 1 && map.get("content") instanceof List<?>;
    }
}
