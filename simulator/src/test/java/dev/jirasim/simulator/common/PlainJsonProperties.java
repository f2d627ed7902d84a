package dev.jirasim.simulator.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jirasim.simulator.world.Adf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * PlainJson writes a plain tree exactly as Jackson's mapper does, character for character, and declines (null) any
 * tree with something else in it, anywhere, so that the caller leaves it to Jackson.
 */
class PlainJsonProperties {

    @Property(tries = 1000)
    void aPlainTreeIsWrittenAsJacksonWritesIt(@ForAll("trees") Object tree) throws Exception {
        assertEquals(Json.MAPPER.writeValueAsString(tree), PlainJson.write(tree));
    }

    @Property(tries = 300)
    void aTreeWithAnythingElseInItIsLeftToJackson(@ForAll("trees") Object tree, @ForAll("foreign") Object foreign) {
        var map = new LinkedHashMap<String, Object>();
        map.put("tree", tree);
        map.put("list", new ArrayList<>(List.of("a", List.of(Map.of("x", foreign)))));
        assertNull(PlainJson.write(map));
        assertNull(PlainJson.write(java.util.Arrays.asList(tree, foreign)));
    }

    @Example
    void stringsAreEscapedAsJacksonEscapesThem() throws Exception {
        var odd = new ArrayList<Object>();
        for (char c = 0; c < 0x100; c++) odd.add(String.valueOf(c));
        odd.addAll(List.of("\ud800", "\udfff", "a\ud83d", "\ud83d\ude00", "\u2028\u2029", "\ufeff", "\"\\/", "", "caf\u00e9"));
        assertEquals(Json.MAPPER.writeValueAsString(odd), PlainJson.write(odd));
        var keys = new LinkedHashMap<String, Object>();
        for (Object s : odd) keys.put((String) s, s);
        assertEquals(Json.MAPPER.writeValueAsString(keys), PlainJson.write(keys));
    }

    @Example
    void numbersAreWrittenAsJacksonWritesThem() throws Exception {
        var numbers = List.<Object>of(0, -1, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, (short) -7, (byte) 127,
                0.0, -0.0, 0.1, 1e-7, 1e7, 1e21, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1f, 1e-7f, 3.4028235e38f, Float.NaN, Float.NEGATIVE_INFINITY,
                new BigInteger("123456789012345678901234567890"), true, false);
        assertEquals(Json.MAPPER.writeValueAsString(numbers), PlainJson.write(numbers));
        // Each side of every power of ten, where the count of digits changes (zero wrote no digit at first).
        var edges = new ArrayList<Object>();
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p = p > Long.MAX_VALUE / 10 ? -1 : p * 10) {
            edges.addAll(List.of(p - 1, p, p + 1, -p, 1 - p));
            if (p <= Integer.MAX_VALUE) edges.addAll(List.of((int) p - 1, (int) p, -(int) p));
        }
        edges.addAll(List.of(Long.MAX_VALUE, Long.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MIN_VALUE, (long) Integer.MAX_VALUE + 1, 0L, 0));
        assertEquals(Json.MAPPER.writeValueAsString(edges), PlainJson.write(edges));
    }

    @Example
    void ourOwnMapsWithoutAnnotationsArePlainAsTheJdks() throws Exception {
        // Documents kept as text (world.PlainDoc) and the world's compact nodes are most of an issue's fields.
        var doc = Map.of("description", Adf.fromText("one\n\ntwo"), "nodes", Adf.fromText("x").get("content"));
        assertNotNull(PlainJson.write(doc));
        assertEquals(Json.MAPPER.writeValueAsString(doc), PlainJson.write(doc));
        var kinds = new ArrayList<Object>(List.of(new TreeMap<>(Map.of("b", 1, "a", 2)), new ConcurrentHashMap<>(Map.of("k", "v")),
                Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("u", List.of()))), new LinkedList<>(List.of(1, 2)),
                new LinkedHashSet<>(List.of("s", "t")), Set.of(), Map.of(), new Bare()));
        assertEquals(Json.MAPPER.writeValueAsString(kinds), PlainJson.write(kinds));
    }

    @Example
    void aMapTypeJacksonCouldReadAnnotationsFromIsLeftToJackson() throws Exception {
        assertNull(PlainJson.write(List.of(new Annotated())));
        assertNull(PlainJson.write(new AnnotatedField()));
        // And Jackson does write them differently: the annotations are not there for nothing.
        assertEquals("{\"shown\":1}", Json.MAPPER.writeValueAsString(new AnnotatedField()));
    }

    @Example
    void aDeepTreeIsLeftToJacksonAndItsNestingLimit() throws Exception {
        Object deep = "leaf";
        for (int i = 0; i < 150; i++) deep = List.of(deep);
        assertNull(PlainJson.write(deep));
        Object shallow = "leaf";
        for (int i = 0; i < 90; i++) shallow = Map.of("k", shallow);
        assertEquals(Json.MAPPER.writeValueAsString(shallow), PlainJson.write(shallow));
    }

    @Example
    void nullKeysAndOtherKeysAreLeftToJackson() {
        var nullKey = new HashMap<String, Object>();
        nullKey.put(null, 1);
        assertNull(PlainJson.write(nullKey));
        assertNull(PlainJson.write(Map.of(1, "one")));
        assertNull(PlainJson.write(Map.of(Unit.A, "a")));
    }

    @Provide
    Arbitrary<Object> trees() {
        return tree(4);
    }

    @Provide
    Arbitrary<Object> foreign() {
        return Arbitraries.of(new Point(1, 2), Unit.A, Instant.ofEpochSecond(1_700_000_000L), new BigDecimal("1.50"), Optional.of("x"),
                'c', new StringBuilder("sb"), new int[] {1}, new String[] {"a"}, java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"),
                Map.of(1, "integer key"), new Annotated(), new java.util.concurrent.atomic.AtomicInteger(3));
    }

    private Arbitrary<Object> tree(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(strings(), Arbitraries.integers().map(i -> i), Arbitraries.longs().map(l -> l),
                Arbitraries.shorts().map(s -> s), Arbitraries.bytes().map(b -> b), Arbitraries.doubles().map(d -> d),
                Arbitraries.floats().map(f -> f), Arbitraries.of(Double.NaN, -0.0, 1e-300, 6.02e23, Float.POSITIVE_INFINITY),
                Arbitraries.bigIntegers().map(b -> b), Arbitraries.of(true, false), Arbitraries.just(null));
        if (depth == 0) return leaf;
        Arbitrary<Object> inner = Arbitraries.lazy(() -> tree(depth - 1));
        Arbitrary<Map<String, Object>> entries = Arbitraries.maps(strings(), inner).ofMaxSize(4);
        Arbitrary<List<Object>> items = inner.list().ofMaxSize(4);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(1, entries.map(LinkedHashMap::new)),
                net.jqwik.api.Tuple.of(1, entries.map(m -> m.containsValue(null) ? new HashMap<>(m) : Map.copyOf(m))),
                net.jqwik.api.Tuple.of(1, entries.map(TreeMap::new)),
                net.jqwik.api.Tuple.of(1, items.map(ArrayList::new)),
                net.jqwik.api.Tuple.of(1, items.map(l -> l.contains(null) ? Collections.unmodifiableList(l) : List.copyOf(l))),
                net.jqwik.api.Tuple.of(1, items.map(LinkedHashSet::new)));
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080\u2028\ud83d\ude00ab").ofMaxLength(8),
                Arbitraries.strings().alpha().ofMaxLength(6));
    }

    record Point(int x, int y) {
    }

    enum Unit { A }

    /** A map of ours with nothing on it: Jackson writes it entry by entry. */
    static final class Bare extends AbstractMap<String, Object> {
        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Map.<String, Object>of("bare", true).entrySet();
        }
    }

    @com.fasterxml.jackson.annotation.JsonPropertyOrder(alphabetic = true)
    static final class Annotated extends AbstractMap<String, Object> {
        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Map.<String, Object>of("b", 1, "a", 2).entrySet();
        }
    }

    /** Jackson writes a map with a value getter as that value: nothing PlainJson could see from the entries. */
    static final class AnnotatedField extends AbstractMap<String, Object> {
        @JsonIgnore
        int hidden;

        @com.fasterxml.jackson.annotation.JsonValue
        Map<String, Object> value() {
            return Map.of("shown", 1);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Map.<String, Object>of("entries", 2).entrySet();
        }

        @JsonProperty("x")
        int x() {
            return hidden;
        }
    }
}
