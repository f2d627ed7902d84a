package dev.jirasim.conformance.parse;

import dev.jirasim.conformance.model.Capability;
import dev.jirasim.conformance.model.Step;
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
 * Reads a target file. Variable values may be {@code ${env.NAME}} (the environment variable) or {@code ${file.NAME}}
 * (the text of the file the environment variable names, trimmed): those are read now and treated as secrets from
 * then on. A live target may have {@code bootstrap} steps and {@code writeBack} (see {@link Target}).
 */
public final class TargetParser {
    static final Set<String> KEYS = Set.of("name", "baseUrls", "capabilities", "variables", "live", "allowDestructive", "bootstrap", "writeBack");
    private static final Pattern ENV = Pattern.compile("\\$\\{(env|file)\\.([A-Za-z_][A-Za-z0-9_]*)}");

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
        for (var b : y.stringMap(e.get("baseUrls"), "baseUrls").entrySet()) {
            String url = b.getValue();
            var m = ENV.matcher(url);
            if (m.matches() && m.group(1).equals("env")) {
                url = env.apply(m.group(2));
                if (url == null) throw y.problem(e.get("baseUrls"), "environment variable " + m.group(2) + " (base URL " + b.getKey() + ") is not set");
            }
            baseUrls.put(b.getKey(), url.replaceAll("/+$", ""));
        }
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
                    String fromEnv = env.apply(m.group(2));
                    if (fromEnv == null) throw y.problem(v.getValue(), "environment variable " + m.group(2) + " is not set");
                    value = m.group(1).equals("env") ? fromEnv : fileText(y, v.getValue(), m.group(2), fromEnv);
                    secrets.add(v.getKey());
                }
                variables.put(v.getKey(), value);
            }
        }
        String name = e.containsKey("name") ? y.string(e.get("name"), "name") : file.getFileName().toString();
        boolean live = e.containsKey("live") && y.bool(e.get("live"), "live");
        boolean destructive = e.containsKey("allowDestructive") && y.bool(e.get("allowDestructive"), "allowDestructive");
        if (live && !capabilities.isEmpty()) {
            throw y.problem(e.get("capabilities"), "a live target has no control API: give it no capabilities (it has " + capabilities + ")");
        }
        List<Step> bootstrap = List.of();
        if (e.containsKey("bootstrap")) {
            bootstrap = ScenarioParser.steps(y, e.get("bootstrap"), file, new java.util.HashSet<>(), false);
            for (Step s : bootstrap) {
                if (!(s instanceof Step.HttpStep || s instanceof Step.LetStep)) throw y.problem(e.get("bootstrap"), "bootstrap steps are HTTP requests only: '" + s.name() + "'");
            }
        }
        var writeBack = new LinkedHashMap<String, String>();
        if (e.containsKey("writeBack")) {
            writeBack.putAll(y.stringMap(e.get("writeBack"), "writeBack"));
            for (var w : writeBack.entrySet()) {
                if (env.apply(w.getValue()) == null) throw y.problem(e.get("writeBack"), "environment variable " + w.getValue() + " (where " + w.getKey() + " is written back) is not set");
            }
        }
        SchemaCheck.TARGET.check(y, docs.get(0));
        return new Target(name, Map.copyOf(baseUrls), Set.copyOf(capabilities), Map.copyOf(variables), Set.copyOf(secrets), live, destructive,
                bootstrap, Map.copyOf(writeBack));
    }

    private static String fileText(YamlNodes y, Node at, String envName, String path) throws ParseProblem {
        try {
            return java.nio.file.Files.readString(Path.of(path)).strip();
        } catch (java.io.IOException | java.nio.file.InvalidPathException ex) {
            throw y.problem(at, "cannot read the file environment variable " + envName + " names: " + ex.getMessage());
        }
    }
}
