package dev.jirasim.simulator.world;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ADF document of plain paragraphs, one per line of its text, kept as that text: what {@link Adf#fromText}
 * makes, which is most of a large world's documents (every generated description and comment, and v2's strings).
 * As a tree of nodes each took about 200 bytes more, a sixth of the heap of a world of 100 000 issues. The tree is
 * made when a caller reads into the document, so every caller still sees an ordinary immutable map, equal to the
 * tree it stands for (and with the same hash).
 */
final class PlainDoc extends AbstractMap<String, Object> {
    private static final String[] DOC = {"type", "version", "content"};
    private static final String[] PARAGRAPH = {"type", "content"};
    private static final String[] TEXT = {"type", "text"};

    private final String text;

    PlainDoc(String text) {
        this.text = java.util.Objects.requireNonNull(text);
    }

    /** The text the document was made from: its paragraphs, separated by newlines. */
    String text() {
        return text;
    }

    /** The document as nodes. */
    Map<String, Object> tree() {
        return FrozenMap.ofShape(DOC, "doc", 1, content());
    }

    /** A paragraph per line, with one text node unless the line is empty. */
    private List<Object> content() {
        var content = new ArrayList<Object>();
        for (String line : text.split("\n", -1)) {
            content.add(FrozenMap.ofShape(PARAGRAPH, "paragraph", line.isEmpty() ? List.of() : List.of(FrozenMap.ofShape(TEXT, "text", line))));
        }
        return List.copyOf(content);
    }

    @Override
    public Object get(Object key) {
        if ("type".equals(key)) return "doc";
        if ("version".equals(key)) return 1;
        return "content".equals(key) ? content() : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return "type".equals(key) || "version".equals(key) || "content".equals(key);
    }

    @Override
    public int size() {
        return DOC.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return tree().entrySet();
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (o instanceof PlainDoc other) return text.equals(other.text);
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }
}
