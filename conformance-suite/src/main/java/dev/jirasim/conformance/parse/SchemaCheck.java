package dev.jirasim.conformance.parse;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks a YAML document against one of the JSON Schemas in the repository's {@code schemas/} folder (packed into the
 * jar), so the files editors validate with are the files the suite enforces. Runs after the parser's own checks, whose
 * messages are more specific; a schema error is reported at the line and column of the offending node.
 */
final class SchemaCheck {
    static final SchemaCheck SCENARIO = new SchemaCheck("scenario.schema.json");
    static final SchemaCheck TARGET = new SchemaCheck("target.schema.json");

    private static final String FOLDER = "classpath:dev/jirasim/conformance/schemas/";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String name;
    private volatile Schema schema;

    private SchemaCheck(String name) {
        this.name = name;
    }

    /** The schema violations of a document, first one first (empty when it conforms). */
    List<Error> violations(Node document) throws ParseProblem {
        return violations(new YamlNodes(java.nio.file.Path.of("document")), document);
    }

    private List<Error> violations(YamlNodes y, Node document) throws ParseProblem {
        // The same typed values the parser reads (YamlNodes.plain), as the JSON the validator takes.
        return schema().validate(JSON.valueToTree(y.plain(document)));
    }

    void check(YamlNodes y, Node document) throws ParseProblem {
        List<Error> errors = violations(y, document);
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
}
