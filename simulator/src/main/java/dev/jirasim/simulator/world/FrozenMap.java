package dev.jirasim.simulator.world;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable map that keeps insertion order in two arrays: how stored ADF nodes are held. A document is many
 * tiny maps ({@code type} and {@code content}, {@code type} and {@code text}); as {@code LinkedHashMap}s they were
 * most of a large world's heap. Nodes of the same shape share one key array. Equal to any map with the same
 * entries, so callers see an ordinary map.
 */
final class FrozenMap extends AbstractMap<String, Object> {
    private static final int SHAPES = 1_024;
    private static final ConcurrentHashMap<List<String>, String[]> SHAPE = new ConcurrentHashMap<>();

    private final String[] keys;
    private final Object[] values;

    private FrozenMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    static FrozenMap of(Map<?, ?> source, java.util.function.UnaryOperator<Object> value) {
        var names = new String[source.size()];
        var vals = new Object[source.size()];
        int i = 0;
        for (var e : source.entrySet()) {
            names[i] = String.valueOf(e.getKey());
            vals[i] = value.apply(e.getValue());
            i++;
        }
        List<String> shape = List.of(names);
        String[] shared = SHAPE.get(shape);
        if (shared == null && SHAPE.size() < SHAPES) shared = SHAPE.computeIfAbsent(shape, k -> k.stream().map(String::intern).toArray(String[]::new));
        return new FrozenMap(shared == null ? names : shared, vals);
    }

    /** A node of a known shape: {@code keys} must be one of the caller's constants, shared by every node built. */
    static FrozenMap ofShape(String[] keys, Object... values) {
        if (keys.length != values.length) throw new IllegalArgumentException("keys and values differ in length");
        return new FrozenMap(keys, values);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < keys.length; i++) if (keys[i].equals(key)) return values[i];
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String k : keys) if (k.equals(key)) return true;
        return false;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o == this || super.equals(o);
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < keys.length; i++) h += keys[i].hashCode() ^ Objects.hashCode(values[i]);
        return h;
    }
}
