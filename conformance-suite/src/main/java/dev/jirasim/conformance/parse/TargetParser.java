package dev.jirasim.conformance.parse;

import dev.jirasim.conformance.model.Capability;
import dev.jirasim.conformance.model.Target;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a target file. Variable values may be {@code ${env.NAME}}: those are read from the environment
 * now and treated as secrets from then on.
 */
public final class TargetParser {
    private static final Set<String> KEYS = Set.of("name", "baseUrls", "capabilities", "variables");
    private static final Pattern ENV = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)}");

    private TargetParser() {
    }

    public static Target parse(Path file, Function<String, String> env) throws ParseProblem {
        return parse(file, YamlNodes.read(file), env);
    }

    public static Target parse(Path file, String text, Function<String, String> env) throws ParseProblem {
        var y = new YamlNodes(file);
        List<Node> docs = YamlNodes.documents(file, new StringReader(text));
        if (docs.size() != 1) throw new ParseProblem(new dev.jirasim.conformance.model.SourcePos(file, 1, 1), "a target file holds exactly one target");
        Map<String, Node> e = y.mapping(docs.get(0), "a target", KEYS);
        if (!e.containsKey("baseUrls")) throw y.problem(docs.get(0), "a target needs 'baseUrls'");
        var baseUrls = new LinkedHashMap<String, String>();
        for (var b : y.stringMap(e.get("baseUrls"), "baseUrls").entrySet()) baseUrls.put(b.getKey(), b.getValue().replaceAll("/+$", ""));
        var capabilities = new LinkedHashSet<String>();
        if (e.containsKey("capabilities")) {
            for (String c : y.strings(e.get("capabilities"), "capabilities")) {
                if (!Capability.ALL.contains(c)) throw y.problem(e.get("capabilities"), "unknown capability '" + c + "' (known: " + new TreeSet<>(Capability.ALL) + ")");
                capabilities.add(c);
            }
        }
        var variables = new LinkedHashMap<String, String>();
        var secrets = new LinkedHashSet<String>();
        if (e.containsKey("variables")) {
            Map<String, Node> vars = y.mapping(e.get("variables"), "variables", null);
            for (var v : vars.entrySet()) {
                String value = y.scalar(v.getValue(), "variables." + v.getKey());
                var m = ENV.matcher(value);
                if (m.matches()) {
                    String fromEnv = env.apply(m.group(1));
                    if (fromEnv == null) throw y.problem(v.getValue(), "environment variable " + m.group(1) + " is not set");
                    value = fromEnv;
                    secrets.add(v.getKey());
                }
                variables.put(v.getKey(), value);
            }
        }
        String name = e.containsKey("name") ? y.string(e.get("name"), "name") : file.getFileName().toString();
        return new Target(name, Map.copyOf(baseUrls), Set.copyOf(capabilities), Map.copyOf(variables), Set.copyOf(secrets));
    }
}
