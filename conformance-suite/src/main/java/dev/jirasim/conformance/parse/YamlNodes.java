package dev.jirasim.conformance.parse;

import dev.jirasim.conformance.model.SourcePos;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Strict, position-aware reading of YAML nodes: every wrong type or unknown key becomes a
 * {@link ParseProblem} naming file, line and column.
 */
final class YamlNodes {
    private final Path file;

    YamlNodes(Path file) {
        this.file = file;
    }

    static List<Node> documents(Path file, Reader reader) throws ParseProblem {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try {
            var docs = new ArrayList<Node>();
            for (Node n : new Yaml(options).composeAll(reader)) docs.add(n);
            return docs;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ParseProblem(new SourcePos(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ParseProblem(new SourcePos(file, 1, 1), "not valid YAML: " + e.getMessage());
        }
    }

    static String read(Path file) throws ParseProblem {
        try {
            return java.nio.file.Files.readString(file);
        } catch (IOException e) {
            throw new ParseProblem(new SourcePos(file, 1, 1), "cannot read file: " + e.getMessage());
        }
    }

    SourcePos pos(Node node) {
        return new SourcePos(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    ParseProblem problem(Node node, String message) {
        return new ParseProblem(pos(node), message);
    }

    /** The entries of a mapping, in order; keys outside {@code allowed} are errors at the key. */
    Map<String, Node> mapping(Node node, String what, Set<String> allowed) throws ParseProblem {
        if (!(node instanceof MappingNode m)) throw problem(node, what + " must be a mapping");
        var entries = new LinkedHashMap<String, Node>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), "a key in " + what);
            if (allowed != null && !allowed.contains(key)) {
                throw problem(t.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: " + String.join(", ", sorted(allowed)) + ")");
            }
            // SnakeYAML checks duplicate keys only when constructing objects, not when composing nodes.
            if (entries.put(key, t.getValueNode()) != null) throw problem(t.getKeyNode(), "duplicate key '" + key + "' in " + what);
        }
        return entries;
    }

    /** Keys and values of a mapping of strings (headers, query, form). */
    Map<String, String> stringMap(Node node, String what) throws ParseProblem {
        var result = new LinkedHashMap<String, String>();
        for (var e : mapping(node, what, null).entrySet()) result.put(e.getKey(), scalar(e.getValue(), what + "." + e.getKey()));
        return result;
    }

    String scalar(Node node, String what) throws ParseProblem {
        if (!(node instanceof ScalarNode s)) throw problem(node, what + " must be a single value, not a " + kind(node));
        return s.getValue();
    }

    String string(Node node, String what) throws ParseProblem {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) throw problem(node, what + " must not be empty");
        return scalar(node, what);
    }

    long integer(Node node, String what) throws ParseProblem {
        String value = scalar(node, what);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw problem(node, what + " must be a whole number, not '" + value + "'");
        }
    }

    boolean bool(Node node, String what) throws ParseProblem {
        String value = scalar(node, what);
        if (value.equals("true")) return true;
        if (value.equals("false")) return false;
        throw problem(node, what + " must be true or false, not '" + value + "'");
    }

    List<Node> list(Node node, String what) throws ParseProblem {
        if (!(node instanceof SequenceNode s)) throw problem(node, what + " must be a list, not a " + kind(node));
        return s.getValue();
    }

    /** A list of strings; a single value counts as a one-element list. */
    List<String> strings(Node node, String what) throws ParseProblem {
        if (node instanceof ScalarNode) return List.of(scalar(node, what));
        var result = new ArrayList<String>();
        for (Node n : list(node, what)) result.add(scalar(n, what + " item"));
        return result;
    }

    /** A plain Java value (maps, lists, strings, numbers, booleans, null) as YAML's core schema types it. */
    Object plain(Node node) throws ParseProblem {
        if (node instanceof MappingNode) {
            var map = new LinkedHashMap<String, Object>();
            for (var e : mapping(node, "value", null).entrySet()) map.put(e.getKey(), plain(e.getValue()));
            return map;
        }
        if (node instanceof SequenceNode s) {
            var list = new ArrayList<Object>();
            for (Node n : s.getValue()) list.add(plain(n));
            return list;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        String v = s.getValue();
        if (tag.equals(Tag.NULL)) return null;
        if (tag.equals(Tag.BOOL)) return Boolean.parseBoolean(v.toLowerCase());
        try {
            if (tag.equals(Tag.INT)) {
                var n = new java.math.BigInteger(v.replace("_", ""));
                return n.bitLength() < 64 ? (Object) n.longValue() : n;
            }
            if (tag.equals(Tag.FLOAT)) return Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
            // Octal, hexadecimal, sexagesimal or infinite spellings: the text, for whoever reads it to judge.
        }
        return v;
    }

    private static String kind(Node node) {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "value";
    }

    private static List<String> sorted(Set<String> keys) {
        var list = new ArrayList<>(keys);
        list.sort(null);
        return list;
    }
}
