package dev.jirasim.conformance.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.conformance.model.Capability;
import dev.jirasim.conformance.model.Matcher;
import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.support.Targets;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/** The JSON Schemas in schemas/ agree with the parser, accept every shipped file, and are enforced by the parser. */
class SchemaTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("jirasim.schemas", "../schemas"));
    private static final Pattern MODELINE = Pattern.compile("^# yaml-language-server: \\$schema=(\\S+)", Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema(String name) throws IOException {
        return JSON.readTree(SCHEMAS.resolve(name).toFile());
    }

    private static Set<String> properties(JsonNode schema, String def) {
        var names = new TreeSet<String>();
        (def == null ? schema : schema.path("$defs").path(def)).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> enumOf(JsonNode node) {
        var values = new TreeSet<String>();
        node.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void everyKeyTheParserKnowsIsInTheSchemaAndNoOther() throws IOException {
        JsonNode s = schema("scenario.schema.json");
        assertEquals(new TreeSet<>(ScenarioParser.SCENARIO_KEYS), properties(s, "scenario"));
        assertEquals(new TreeSet<>(ScenarioParser.FLOW_KEYS), properties(s, "flow"));
        assertEquals(new TreeSet<>(ScenarioParser.HTTP_STEP_KEYS), properties(s, "httpStep"));
        assertEquals(new TreeSet<>(ScenarioParser.USE_STEP_KEYS), properties(s, "useStep"));
        assertEquals(new TreeSet<>(ScenarioParser.WEBHOOK_STEP_KEYS), properties(s, "webhookStep"));
        assertEquals(new TreeSet<>(ScenarioParser.REQUEST_KEYS), properties(s, "request"));
        assertEquals(new TreeSet<>(ScenarioParser.EXPECT_KEYS), properties(s, "expect"));
        assertEquals(new TreeSet<>(ScenarioParser.RETRY_KEYS), properties(s, "retry"));
        assertEquals(Arrays.stream(Matcher.Kind.values()).map(k -> k.key).collect(Collectors.toCollection(TreeSet::new)), properties(s, "matchers"));
        var controls = Arrays.stream(Step.ControlStep.Kind.values()).map(k -> k.key).collect(Collectors.toCollection(TreeSet::new));
        controls.add("name");
        assertEquals(controls, enumOf(s.path("$defs").path("control").path("propertyNames")));
        assertEquals(new TreeSet<>(Capability.ALL), enumOf(s.path("$defs").path("capability")));
        var methods = new TreeSet<String>();
        enumOf(s.path("$defs").path("request").path("properties").path("method")).forEach(m -> methods.add(m.toUpperCase()));
        assertEquals(new TreeSet<>(ScenarioParser.METHODS), methods);
        assertEquals(new TreeSet<>(TargetParser.KEYS), properties(schema("target.schema.json"), null));
    }

    @Test
    void everyShippedScenarioFlowAndTargetFileConforms() throws IOException {
        var checked = new ArrayList<Path>();
        try (Stream<Path> files = Files.walk(Targets.SCENARIOS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                SchemaCheck check = file.getParent().getFileName().toString().equals("targets") ? SchemaCheck.TARGET : SchemaCheck.SCENARIO;
                for (Node doc : YamlNodes.documents(file, new StringReader(Files.readString(file)))) {
                    assertEquals(List.of(), check.violations(doc).stream().map(Object::toString).toList(), file.toString());
                }
                checked.add(file);
            }
        } catch (ParseProblem e) {
            throw new AssertionError(e.getMessage(), e);
        }
        assertTrue(checked.size() > 90, "scenario files found: " + checked.size());
    }

    /** What editors are told: .vscode/settings.json maps the scenario schema, target files name theirs in a modeline. */
    @Test
    void theSchemasEditorsAreToldAboutExistAndAcceptTheirFiles() throws Exception {
        JsonNode settings = JSON.readTree(SCHEMAS.resolveSibling(".vscode").resolve("settings.json").toFile());
        var mapped = new HashSet<String>();
        settings.path("yaml.schemas").fieldNames().forEachRemaining(mapped::add);
        assertTrue(mapped.contains("./schemas/scenario.schema.json"), "settings map: " + mapped);
        for (String schema : mapped) assertTrue(Files.isRegularFile(SCHEMAS.resolveSibling(schema.substring(2))), schema);
        int modelines = 0;
        try (Stream<Path> files = Files.walk(Targets.SCENARIOS.resolve("targets"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                var m = MODELINE.matcher(Files.readString(file));
                assertTrue(m.find(), file + " names its schema in a yaml-language-server modeline");
                Path named = file.getParent().resolve(m.group(1)).normalize();
                assertEquals(SCHEMAS.resolve("target.schema.json").toAbsolutePath().normalize(), named.toAbsolutePath().normalize(), file.toString());
                modelines++;
            }
        }
        assertTrue(modelines >= 4, "target files: " + modelines);
    }

    @Test
    void theParserEnforcesTheSchemaWhereItsOwnChecksAreLooser() throws IOException {
        // The parser itself would read "200" as a number; the schema wants an integer, as editors show.
        var p = assertThrows(ParseProblem.class, () -> ScenarioParser.parse(Path.of("s.yaml"), """
                id: a
                title: A
                steps:
                  - request: {url: "${auth}/x"}
                    expect:
                      status: "200"
                """));
        assertTrue(p.getMessage().contains("does not match schemas/scenario.schema.json"), p.getMessage());
        assertEquals(6, p.pos().line(), p.getMessage());
        assertTrue(Files.readString(SCHEMAS.resolveSibling("docs").resolve("scenario-format.md")).contains("\n" + p.getMessage() + "\n"),
                "docs/scenario-format.md prints this mistake as: " + p.getMessage());
    }

    @Test
    void aSchemaErrorPointsAtTheOffendingKey() throws Exception {
        var y = new YamlNodes(Path.of("t.yaml"));
        Node doc = YamlNodes.documents(Path.of("t.yaml"), new StringReader("""
                baseUrls: {auth: "http://x"}
                bootstrap:
                  - request: {url: "${auth}/a"}
                    expect: {status: 200, colour: red}
                """)).get(0);
        var p = assertThrows(ParseProblem.class, () -> SchemaCheck.TARGET.check(y, doc));
        assertEquals(4, p.pos().line(), p.getMessage());
        assertEquals(27, p.pos().column(), p.getMessage());
        assertTrue(p.getMessage().contains("colour"), p.getMessage());
    }

    @Test
    void aLiveTargetWithCapabilitiesBreaksTheSchemaToo() throws Exception {
        Node doc = YamlNodes.documents(Path.of("t.yaml"), new StringReader("""
                live: true
                baseUrls: {auth: "http://x"}
                capabilities: [clock]
                """)).get(0);
        assertTrue(!SchemaCheck.TARGET.violations(doc).isEmpty());
    }
}
