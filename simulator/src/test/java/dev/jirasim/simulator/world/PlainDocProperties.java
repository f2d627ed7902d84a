package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.common.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A document made from text is kept as the text (PlainDoc) and must be, to every reader, the tree of paragraphs it
 * stands for: equal both ways, the same hash, the same JSON, the same text and blankness, the same nodes.
 */
class PlainDocProperties {

    @Property(tries = 500)
    void aDocumentKeptAsTextIsTheTreeItStandsFor(@ForAll("texts") String text) throws Exception {
        Map<String, Object> doc = Adf.fromText(text);
        Map<String, Object> tree = tree(text);
        assertEquals(tree, doc);
        assertEquals(doc, tree);
        assertEquals(tree.hashCode(), doc.hashCode());
        assertEquals(Json.MAPPER.writeValueAsString(tree), Json.MAPPER.writeValueAsString(doc));
        assertEquals(Adf.toText(tree), Adf.toText(doc));
        assertEquals(Adf.isBlank(tree), Adf.isBlank(doc));
        assertTrue(Adf.isDocument(doc));
        for (String key : List.of("type", "version", "content", "text", "attrs")) {
            assertEquals(tree.get(key), doc.get(key), key);
            assertEquals(tree.containsKey(key), doc.containsKey(key), key);
        }
        assertEquals(List.copyOf(tree.keySet()), List.copyOf(doc.keySet()));
        assertEquals(tree.size(), doc.size());
        // Stored as it is, and the stored tree of the same text is equal to it.
        assertSame(doc, Adf.freeze(doc));
        assertEquals(Adf.freeze(tree), doc);
        assertEquals(Adf.fromText(text), doc);
    }

    @Example
    void edgeCases() throws Exception {
        for (String text : List.of("", "\n", "\n\n", "a", "a\n", "a\n\nb", "  ", " \n\t", "x\r\ny", "ü\uD83D\uDE00",
                // Found by the property: a carriage return before the last newline ("$" matches before a final "\r\n").
                "\n\r\n", "a\r\n", "\r\n\n")) {
            aDocumentKeptAsTextIsTheTreeItStandsFor(text);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab \n\t\r").withCharRange('\u00e0', '\u00e5').ofMaxLength(40)
                .injectDuplicates(0.1);
    }

    /** The documented shape, built without the simulator's own classes: a paragraph per line, text nodes for non-empty lines. */
    private static Map<String, Object> tree(String text) {
        var content = new ArrayList<Object>();
        for (String line : text.split("\n", -1)) {
            var paragraph = new LinkedHashMap<String, Object>();
            paragraph.put("type", "paragraph");
            if (line.isEmpty()) paragraph.put("content", List.of());
            else {
                var node = new LinkedHashMap<String, Object>();
                node.put("type", "text");
                node.put("text", line);
                paragraph.put("content", List.of(node));
            }
            content.add(paragraph);
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("type", "doc");
        doc.put("version", 1);
        doc.put("content", content);
        return doc;
    }
}
