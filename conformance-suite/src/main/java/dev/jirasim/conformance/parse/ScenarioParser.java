package dev.jirasim.conformance.parse;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.jirasim.conformance.model.Capability;
import dev.jirasim.conformance.model.Capture;
import dev.jirasim.conformance.model.Expectation;
import dev.jirasim.conformance.model.Matcher;
import dev.jirasim.conformance.model.Scenario;
import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.steps.Templates;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads scenario files (one scenario per YAML document); see docs/scenario-format.md. */
public final class ScenarioParser {
    static final Set<String> SCENARIO_KEYS = Set.of("id", "title", "description", "tags", "requires", "fixture", "steps",
            "live-safe", "destructive", "cleanup");
    static final Set<String> HTTP_STEP_KEYS = Set.of("name", "request", "expect", "capture", "retry", "compare");
    static final Set<String> USE_STEP_KEYS = Set.of("name", "use", "with", "capture");
    static final Set<String> FLOW_KEYS = Set.of("flow", "description", "params", "steps");
    static final Set<String> RETRY_KEYS = Set.of("times", "intervalMillis", "until");
    static final Set<String> WEBHOOK_STEP_KEYS = Set.of("name", "awaitWebhook", "expect", "capture");
    private static final long DEFAULT_WEBHOOK_SECONDS = 10;
    static final Set<String> REQUEST_KEYS = Set.of("method", "url", "headers", "query", "form", "json", "body", "followRedirects");
    static final Set<String> EXPECT_KEYS = Set.of("status", "headers", "json", "bodyContains");
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object", "null");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.\\-]*");

    private ScenarioParser() {
    }

    public static List<Scenario> parse(Path file) throws ParseProblem {
        return parse(file, YamlNodes.read(file));
    }

    public static List<Scenario> parse(Path file, String text) throws ParseProblem {
        var y = new YamlNodes(file);
        var scenarios = new ArrayList<Scenario>();
        for (Node doc : YamlNodes.documents(file, new StringReader(text))) scenarios.add(scenario(y, doc, file));
        if (scenarios.isEmpty()) throw new ParseProblem(new dev.jirasim.conformance.model.SourcePos(file, 1, 1), "file holds no scenario");
        return scenarios;
    }

    private static Scenario scenario(YamlNodes y, Node doc, Path file) throws ParseProblem {
        Map<String, Node> e = y.mapping(doc, "a scenario", SCENARIO_KEYS);
        for (String required : List.of("id", "title", "steps")) {
            if (!e.containsKey(required)) throw y.problem(doc, "a scenario needs '" + required + "'");
        }
        String id = y.string(e.get("id"), "id");
        if (!ID.matcher(id).matches()) throw y.problem(e.get("id"), "id must be lower-case letters, digits, '.' and '-': '" + id + "'");
        List<String> tags = e.containsKey("tags") ? y.strings(e.get("tags"), "tags") : List.of();
        Set<String> requires = new LinkedHashSet<>();
        if (e.containsKey("requires")) {
            for (String r : y.strings(e.get("requires"), "requires")) {
                if (!Capability.ALL.contains(r)) throw y.problem(e.get("requires"), "unknown capability '" + r + "' (known: " + new TreeSet<>(Capability.ALL) + ")");
                requires.add(r);
            }
        }
        Path fixture = e.containsKey("fixture") ? existing(y, e.get("fixture"), file) : null;
        Set<String> names = new java.util.HashSet<>();
        List<Step> steps = steps(y, e.get("steps"), file, names, true);
        if (steps.isEmpty()) throw y.problem(e.get("steps"), "a scenario needs at least one step");
        List<Step> cleanup = e.containsKey("cleanup") ? steps(y, e.get("cleanup"), file, names, true) : List.of();
        boolean liveSafe = e.containsKey("live-safe") && y.bool(e.get("live-safe"), "live-safe");
        boolean destructive = e.containsKey("destructive") && y.bool(e.get("destructive"), "destructive");
        if (destructive && cleanup.isEmpty()) throw y.problem(e.get("destructive"), "a destructive scenario needs 'cleanup' steps that undo its writes");
        SchemaCheck.SCENARIO.check(y, doc);
        return new Scenario(id, y.string(e.get("title"), "title"),
                e.containsKey("description") ? y.scalar(e.get("description"), "description") : "",
                tags, requires, fixture, steps, y.pos(doc), liveSafe, destructive, cleanup);
    }

    /**
     * The steps of a list, with each {@code use} step replaced by its flow's steps (when {@code flows} allows one);
     * {@code names} collects step names, which must be unique in a scenario.
     */
    static List<Step> steps(YamlNodes y, Node list, Path file, Set<String> names, boolean flows) throws ParseProblem {
        var steps = new ArrayList<Step>();
        int uses = 0;
        for (Node n : y.list(list, "steps")) {
            List<Step> made;
            if (y.mapping(n, "a step", null).containsKey("use")) {
                if (!flows) throw y.problem(n, "a flow cannot use another flow");
                made = use(y, n, file, ++uses);
            } else {
                made = List.of(step(y, n, file, steps.size() + 1));
            }
            for (Step step : made) {
                if (!names.add(step.name())) throw y.problem(n, "two steps are named '" + step.name() + "'");
                steps.add(step);
            }
        }
        return List.copyOf(steps);
    }

    /**
     * A {@code use} step: the flow's parameters (its defaults, overridden by {@code with}) set as variables, the flow's
     * steps (named "label: step"), then the captures the scenario asked for copied to its own names. Flows share the
     * scenario's variables: what a flow captures is visible after it under the flow's names too.
     */
    private static List<Step> use(YamlNodes y, Node node, Path file, int index) throws ParseProblem {
        Map<String, Node> e = y.mapping(node, "a use step", USE_STEP_KEYS);
        Path flowFile = flowFile(y, e.get("use"), file);
        var fy = new YamlNodes(flowFile);
        List<Node> docs = YamlNodes.documents(flowFile, new StringReader(YamlNodes.read(flowFile)));
        if (docs.size() != 1) throw new ParseProblem(new dev.jirasim.conformance.model.SourcePos(flowFile, 1, 1), "a flow file holds exactly one flow");
        Map<String, Node> f = fy.mapping(docs.get(0), "a flow", FLOW_KEYS);
        for (String required : List.of("flow", "steps")) {
            if (!f.containsKey(required)) throw fy.problem(docs.get(0), "a flow needs '" + required + "'");
        }
        String flowId = fy.string(f.get("flow"), "flow");
        var params = new LinkedHashMap<String, String>();
        if (f.containsKey("params")) {
            for (var p : fy.mapping(f.get("params"), "params", null).entrySet()) {
                String value = p.getValue() instanceof ScalarNode sc && sc.getTag().getValue().endsWith(":null") ? null : fy.scalar(p.getValue(), "params." + p.getKey());
                params.put(p.getKey(), value == null ? null : templated(fy, p.getValue(), value));
            }
        }
        if (e.containsKey("with")) {
            for (var w : templatedMap(y, e.get("with"), "with").entrySet()) {
                if (!params.containsKey(w.getKey())) throw y.problem(e.get("with"), "flow '" + flowId + "' has no parameter '" + w.getKey() + "' (it has " + params.keySet() + ")");
                params.put(w.getKey(), w.getValue());
            }
        }
        for (var p : params.entrySet()) {
            if (p.getValue() == null) throw y.problem(node, "flow '" + flowId + "' needs parameter '" + p.getKey() + "' in 'with'");
        }
        String label = e.containsKey("name") ? y.string(e.get("name"), "name") : flowId + (index > 1 ? " #" + index : "");
        var out = new ArrayList<Step>();
        if (!params.isEmpty()) out.add(new Step.LetStep(label + ": parameters", y.pos(node), Map.copyOf(params)));
        List<Step> flowSteps = steps(fy, f.get("steps"), flowFile, new java.util.HashSet<>(), false);
        SchemaCheck.SCENARIO.check(fy, docs.get(0));
        for (Step inner : flowSteps) out.add(renamed(inner, label + ": " + inner.name()));
        if (e.containsKey("capture")) {
            var copies = new LinkedHashMap<String, String>();
            for (var c : y.stringMap(e.get("capture"), "capture").entrySet()) copies.put(c.getKey(), "${" + c.getValue() + "}");
            String problem = Templates.checkTree(copies);
            if (problem != null) throw y.problem(e.get("capture"), problem);
            out.add(new Step.LetStep(label + ": captures", y.pos(e.get("capture")), Map.copyOf(copies)));
        }
        return out;
    }

    /** {@code use: flows/x.yaml}: beside the scenario file, else in the nearest folder above it that has it. */
    private static Path flowFile(YamlNodes y, Node node, Path file) throws ParseProblem {
        String name = y.string(node, "use");
        for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(name).normalize();
            if (Files.isReadable(p)) return p;
        }
        throw y.problem(node, "no flow file '" + name + "' beside " + file.getFileName() + " or in a folder above it");
    }

    private static Step renamed(Step step, String name) {
        if (step instanceof Step.HttpStep h) {
            return new Step.HttpStep(name, h.pos(), h.method(), h.url(), h.headers(), h.query(), h.form(), h.json(), h.body(), h.followRedirects(),
                    h.expect(), h.captures(), h.retry(), h.compare());
        }
        if (step instanceof Step.WebhookStep w) return new Step.WebhookStep(name, w.pos(), w.timeoutMillis(), w.expect(), w.captures());
        if (step instanceof Step.ControlStep c) return new Step.ControlStep(name, c.pos(), c.kind(), c.argument());
        Step.LetStep l = (Step.LetStep) step;
        return new Step.LetStep(name, l.pos(), l.values());
    }

    private static Path existing(YamlNodes y, Node node, Path file) throws ParseProblem {
        Path p = file.toAbsolutePath().getParent().resolve(y.string(node, "a file name")).normalize();
        if (!Files.isReadable(p)) throw y.problem(node, "no such file: " + p);
        return p;
    }

    static Step step(YamlNodes y, Node node, Path file, int index) throws ParseProblem {
        Map<String, Node> e = y.mapping(node, "a step", null);
        for (Step.ControlStep.Kind kind : Step.ControlStep.Kind.values()) {
            if (e.containsKey(kind.key)) return control(y, node, e, kind, file, index);
        }
        if (e.containsKey("awaitWebhook")) return webhook(y, node, index);
        if (!e.containsKey("request")) {
            throw y.problem(node, "a step needs 'request', 'awaitWebhook', 'use' or one control key (reset, seed, advanceClock, setClock, consent, fault, clearFaults)");
        }
        e = y.mapping(node, "an HTTP step", HTTP_STEP_KEYS);
        Map<String, Node> r = y.mapping(e.get("request"), "request", REQUEST_KEYS);
        if (!r.containsKey("url")) throw y.problem(e.get("request"), "request needs 'url'");
        String method = r.containsKey("method") ? y.string(r.get("method"), "method").toUpperCase() : "GET";
        if (!METHODS.contains(method)) throw y.problem(r.get("method"), "unknown HTTP method '" + method + "'");
        String url = templated(y, r.get("url"), y.string(r.get("url"), "url"));
        Map<String, String> headers = r.containsKey("headers") ? templatedMap(y, r.get("headers"), "headers") : Map.of();
        Map<String, String> query = r.containsKey("query") ? templatedMap(y, r.get("query"), "query") : Map.of();
        Map<String, String> form = r.containsKey("form") ? templatedMap(y, r.get("form"), "form") : Map.of();
        Object json = null;
        if (r.containsKey("json")) {
            json = y.plain(r.get("json"));
            String problem = Templates.checkTree(json);
            if (problem != null) throw y.problem(r.get("json"), problem);
        }
        String body = r.containsKey("body") ? templated(y, r.get("body"), y.scalar(r.get("body"), "body")) : null;
        int bodies = (form.isEmpty() ? 0 : 1) + (json == null ? 0 : 1) + (body == null ? 0 : 1);
        if (bodies > 1) throw y.problem(e.get("request"), "give at most one of 'form', 'json' and 'body'");
        boolean follow = r.containsKey("followRedirects") && y.bool(r.get("followRedirects"), "followRedirects");
        String name = e.containsKey("name") ? y.string(e.get("name"), "name") : method + " " + url;
        Expectation expect = e.containsKey("expect") ? expectation(y, e.get("expect")) : Expectation.NONE;
        List<Capture> captures = e.containsKey("capture") ? captures(y, e.get("capture")) : List.of();
        Step.Retry retry = e.containsKey("retry") ? retry(y, e.get("retry")) : null;
        List<String> compare = e.containsKey("compare") ? y.strings(e.get("compare"), "compare") : List.of();
        for (String c : compare) {
            if (c.startsWith("$")) compilePath(y, e.get("compare"), c);
        }
        return new Step.HttpStep(name, y.pos(node), method, url, headers, query, form, json, body, follow, expect, captures, retry, compare);
    }

    private static Step.Retry retry(YamlNodes y, Node node) throws ParseProblem {
        Map<String, Node> r = y.mapping(node, "retry", RETRY_KEYS);
        if (!r.containsKey("times")) throw y.problem(node, "retry needs 'times' (attempts in all, 2 to 60)");
        long times = y.integer(r.get("times"), "retry.times");
        if (times < 2 || times > 60) throw y.problem(r.get("times"), "retry.times must be 2 to 60 (attempts in all)");
        long interval = r.containsKey("intervalMillis") ? y.integer(r.get("intervalMillis"), "retry.intervalMillis") : 1000;
        if (interval < 0 || interval > 60_000) throw y.problem(r.get("intervalMillis"), "retry.intervalMillis must be 0 to 60000");
        Expectation until = r.containsKey("until") ? expectation(y, r.get("until")) : null;
        return new Step.Retry((int) times, interval, until);
    }

    private static Step webhook(YamlNodes y, Node node, int index) throws ParseProblem {
        Map<String, Node> e = y.mapping(node, "an awaitWebhook step", WEBHOOK_STEP_KEYS);
        Node arg = e.get("awaitWebhook");
        long seconds = DEFAULT_WEBHOOK_SECONDS;
        if (arg instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            Map<String, Node> a = y.mapping(arg, "awaitWebhook", Set.of("timeout"));
            if (a.containsKey("timeout")) seconds = y.integer(a.get("timeout"), "awaitWebhook.timeout");
        } else if (!(arg instanceof ScalarNode sc && (sc.getValue().isEmpty() || sc.getValue().equals("null")))) {
            throw y.problem(arg, "awaitWebhook takes {timeout: seconds} or nothing");
        }
        if (seconds < 1 || seconds > 300) throw y.problem(arg, "awaitWebhook.timeout must be 1 to 300 seconds");
        Expectation expect = e.containsKey("expect") ? expectation(y, e.get("expect")) : Expectation.NONE;
        if (!expect.statuses().isEmpty()) throw y.problem(e.get("expect"), "a webhook has no status to expect: check headers, json or bodyContains");
        List<Capture> captures = e.containsKey("capture") ? captures(y, e.get("capture")) : List.of();
        for (Capture c : captures) {
            if (c.from() == Capture.From.REDIRECT_QUERY) throw y.problem(e.get("capture"), "a webhook has no redirect to capture from");
        }
        String name = e.containsKey("name") ? y.string(e.get("name"), "name") : "#" + index + " awaitWebhook";
        return new Step.WebhookStep(name, y.pos(node), seconds * 1000, expect, captures);
    }

    private static Step control(YamlNodes y, Node node, Map<String, Node> e, Step.ControlStep.Kind kind, Path file, int index) throws ParseProblem {
        var allowed = Set.of("name", kind.key);
        y.mapping(node, "a '" + kind.key + "' step", allowed);
        Node arg = e.get(kind.key);
        Object argument = switch (kind) {
            case RESET, CLEAR_FAULTS -> null;
            case SEED -> existing(y, arg, file);
            case ADVANCE_CLOCK -> {
                long seconds = arg instanceof ScalarNode ? y.integer(arg, "advanceClock")
                        : y.integer(y.mapping(arg, "advanceClock", Set.of("seconds")).getOrDefault("seconds", arg), "advanceClock.seconds");
                if (seconds < 0) throw y.problem(arg, "advanceClock needs zero or more seconds");
                yield seconds;
            }
            default -> {
                Object plain = y.plain(arg);
                if (!(plain instanceof Map)) throw y.problem(arg, kind.key + " needs a mapping");
                String problem = Templates.checkTree(plain);
                if (problem != null) throw y.problem(arg, problem);
                yield plain;
            }
        };
        String name = e.containsKey("name") ? y.string(e.get("name"), "name") : "#" + index + " " + kind.key;
        return new Step.ControlStep(name, y.pos(node), kind, argument);
    }

    private static Expectation expectation(YamlNodes y, Node node) throws ParseProblem {
        Map<String, Node> e = y.mapping(node, "expect", EXPECT_KEYS);
        var statuses = new LinkedHashSet<Integer>();
        if (e.containsKey("status")) {
            List<Node> items = e.get("status") instanceof ScalarNode ? List.of(e.get("status")) : y.list(e.get("status"), "status");
            for (Node s : items) {
                long status = y.integer(s, "status");
                if (status < 100 || status > 599) throw y.problem(s, "status must be between 100 and 599");
                statuses.add((int) status);
            }
        }
        var headers = new ArrayList<Expectation.Check>();
        if (e.containsKey("headers")) {
            for (var h : y.mapping(e.get("headers"), "expect.headers", null).entrySet()) {
                headers.add(new Expectation.Check(h.getKey(), matchers(y, h.getValue()), y.pos(h.getValue())));
            }
        }
        var json = new ArrayList<Expectation.Check>();
        if (e.containsKey("json")) {
            for (var j : y.mapping(e.get("json"), "expect.json", null).entrySet()) {
                compilePath(y, j.getValue(), j.getKey());
                json.add(new Expectation.Check(j.getKey(), matchers(y, j.getValue()), y.pos(j.getValue())));
            }
        }
        List<String> contains = new ArrayList<>();
        if (e.containsKey("bodyContains")) {
            for (String s : y.strings(e.get("bodyContains"), "bodyContains")) contains.add(templated(y, e.get("bodyContains"), s));
        }
        return new Expectation(Set.copyOf(statuses), List.copyOf(headers), List.copyOf(json), List.copyOf(contains));
    }

    /** A mapping of matchers, or a bare value meaning {@code equals}. */
    private static List<Matcher> matchers(YamlNodes y, Node node) throws ParseProblem {
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) return List.of(matcher(y, node, Matcher.Kind.EQUALS));
        var result = new ArrayList<Matcher>();
        for (var m : y.mapping(node, "an expectation", null).entrySet()) {
            Matcher.Kind kind = Matcher.Kind.of(m.getKey());
            if (kind == null) {
                throw y.problem(node, "unknown matcher '" + m.getKey() + "' (known: equals, notEquals, oneOf, matches, exists, absent, type, size, contains, greaterThan, lessThan)");
            }
            result.add(matcher(y, m.getValue(), kind));
        }
        if (result.isEmpty()) throw y.problem(node, "an expectation needs at least one matcher");
        return result;
    }

    private static Matcher matcher(YamlNodes y, Node node, Matcher.Kind kind) throws ParseProblem {
        Object value = y.plain(node);
        switch (kind) {
            case MATCHES -> {
                String regex = y.scalar(node, "matches");
                String problem = Templates.check(regex);
                if (problem != null) throw y.problem(node, problem + ": " + regex);
                try {
                    Pattern.compile(regex.replaceAll("\\$\\{[^}]*}", "x"));
                } catch (PatternSyntaxException ex) {
                    throw y.problem(node, "not a valid regular expression: " + ex.getDescription());
                }
            }
            case EXISTS, ABSENT -> value = y.bool(node, kind.key);
            case TYPE -> {
                if (!TYPES.contains(String.valueOf(value))) throw y.problem(node, "type must be one of " + new TreeSet<>(TYPES));
            }
            case SIZE -> value = y.integer(node, "size");
            case GREATER_THAN, LESS_THAN -> {
                if (!(value instanceof Number)) throw y.problem(node, kind.key + " needs a number");
            }
            case ONE_OF -> {
                if (!(value instanceof List<?> options) || options.isEmpty()) throw y.problem(node, "oneOf needs a list of values");
                String problem = Templates.checkTree(value);
                if (problem != null) throw y.problem(node, problem);
            }
            default -> {
                String problem = Templates.checkTree(value);
                if (problem != null) throw y.problem(node, problem);
            }
        }
        return new Matcher(kind, value);
    }

    private static List<Capture> captures(YamlNodes y, Node node) throws ParseProblem {
        var result = new ArrayList<Capture>();
        for (var c : y.mapping(node, "capture", null).entrySet()) {
            Map<String, Node> spec = y.mapping(c.getValue(), "capture." + c.getKey(), Set.of("json", "header", "redirectQuery"));
            if (spec.size() != 1) throw y.problem(c.getValue(), "capture." + c.getKey() + " needs exactly one of json, header, redirectQuery");
            var entry = spec.entrySet().iterator().next();
            String expr = y.string(entry.getValue(), "capture." + c.getKey());
            Capture.From from = switch (entry.getKey()) {
                case "json" -> {
                    compilePath(y, entry.getValue(), expr);
                    yield Capture.From.JSON;
                }
                case "header" -> Capture.From.HEADER;
                default -> Capture.From.REDIRECT_QUERY;
            };
            result.add(new Capture(c.getKey(), from, expr, y.pos(c.getValue())));
        }
        return result;
    }

    private static void compilePath(YamlNodes y, Node at, String path) throws ParseProblem {
        String problem = Templates.check(path);
        if (problem != null) throw y.problem(at, problem + ": " + path);
        try {
            if (!path.startsWith("$")) throw new InvalidPathException("a JSON path starts with '$'");
            // Templates are filled in at run time; a stand-in value lets the path's syntax be checked now.
            JsonPath.compile(path.replaceAll("\\$\\{[^}]*}", "x"));
        } catch (InvalidPathException | IllegalArgumentException ex) {
            throw y.problem(at, "bad JSON path '" + path + "': " + ex.getMessage());
        }
    }

    private static String templated(YamlNodes y, Node node, String text) throws ParseProblem {
        String problem = Templates.check(text);
        if (problem != null) throw y.problem(node, problem + ": " + text);
        return text;
    }

    private static Map<String, String> templatedMap(YamlNodes y, Node node, String what) throws ParseProblem {
        var map = new LinkedHashMap<String, String>();
        for (var e : y.stringMap(node, what).entrySet()) map.put(e.getKey(), templated(y, node, e.getValue()));
        return map;
    }
}
