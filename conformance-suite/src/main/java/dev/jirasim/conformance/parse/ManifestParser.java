package dev.jirasim.conformance.parse;

import dev.jirasim.conformance.model.Deviation;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an expected-deviation manifest:
 * <pre>
 * deviations:
 *   - scenario: refresh-token-rotates
 *     step: Refresh with the previous token   # optional: any step when left out
 *     target: my-gateway                      # optional: any target when left out
 *     reason: our gateway does not rotate yet (TICKET-12)
 * </pre>
 */
public final class ManifestParser {
    private ManifestParser() {
    }

    public static List<Deviation> parse(Path file) throws ParseProblem {
        var y = new YamlNodes(file);
        var docs = YamlNodes.documents(file, new StringReader(YamlNodes.read(file)));
        if (docs.isEmpty()) return List.of();
        Map<String, Node> top = y.mapping(docs.get(0), "a manifest", Set.of("deviations"));
        var result = new ArrayList<Deviation>();
        if (!top.containsKey("deviations")) return result;
        for (Node n : y.list(top.get("deviations"), "deviations")) {
            Map<String, Node> d = y.mapping(n, "a deviation", Set.of("scenario", "step", "target", "reason"));
            if (!d.containsKey("scenario") || !d.containsKey("reason")) throw y.problem(n, "a deviation needs 'scenario' and 'reason'");
            result.add(new Deviation(y.string(d.get("scenario"), "scenario"),
                    d.containsKey("step") ? y.string(d.get("step"), "step") : null,
                    d.containsKey("target") ? y.string(d.get("target"), "target") : null,
                    y.string(d.get("reason"), "reason")));
        }
        return result;
    }
}
