package dev.jirasim.conformance.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.math.BigInteger;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks a YAML document against one of the JSON Schemas in the repository's {@code schemas/} folder (packed into the
 * jar), so the files editors validate with are the files the suite enforces. Runs after the parser's own checks, whose
 * messages are more specific; a schema error is reported at the line and column of the offending node.
 */
final class SchemaCheck {
    static final SchemaCheck SCENARIO = new SchemaCheck("scenario.schema.json");
    static final SchemaCheck TARGET = new SchemaCheck("target.schema.json");

    private static final String FOLDER = "classpath:dev/jirasim/conformance/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String name;
    private volatile Schema schema;

    private SchemaCheck(String name) {
        this.name = name;
    }

    /** The schema violations of a document, first one first (empty when it conforms). */
    List<Error> violations(Node document) {
        return schema().validate(toJson(document));
    }

    void check(YamlNodes y, Node document) throws ParseProblem {
        List<Error> errors = violations(document);
        if (errors.isEmpty()) return;
        Error first = errors.get(0);
        throw y.problem(locate(document, first), "does not match schemas/" + name + " at " + first);
    }

    private Schema schema() {
        Schema s = schema;
        if (s == null) {
            s = REGISTRY.getSchema(SchemaLocation.of(FOLDER + name));
            s.initializeValidators();
            schema = s;
        }
        return s;
    }

    /** The YAML node an error is about: its instance location, or the offending key within it. */
    private static Node locate(Node document, Error error) {
        Node at = document;
        var path = error.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            Node next = child(at, path.getElement(i));
            if (next == null) break;
            at = next;
        }
        if (error.getProperty() != null && at instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(error.getProperty())) return t.getKeyNode();
            }
        }
        return at;
    }

    private static Node child(Node node, Object element) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(String.valueOf(element))) return t.getValueNode();
            }
        } else if (node instanceof SequenceNode s && element instanceof Integer i && i >= 0 && i < s.getValue().size()) {
            return s.getValue().get(i);
        }
        return null;
    }

    /** The document as JSON, scalars typed by YAML's core schema (as {@link YamlNodes#plain} types them). */
    static JsonNode toJson(Node node) {
        var f = JsonNodeFactory.instance;
        if (node instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                o.set(key, toJson(t.getValueNode()));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            for (Node n : s.getValue()) a.add(toJson(n));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        String v = s.getValue();
        if (tag.equals(Tag.NULL)) return f.nullNode();
        if (tag.equals(Tag.BOOL)) return f.booleanNode(Boolean.parseBoolean(v.toLowerCase()));
        try {
            if (tag.equals(Tag.INT)) {
                var n = new BigInteger(v.replace("_", ""));
                return n.bitLength() < 64 ? f.numberNode(n.longValue()) : f.numberNode(n);
            }
            if (tag.equals(Tag.FLOAT)) return f.numberNode(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            // Octal, hexadecimal or sexagesimal spellings: keep the text, the schema will say what it expected.
        }
        return f.textNode(v);
    }
}
