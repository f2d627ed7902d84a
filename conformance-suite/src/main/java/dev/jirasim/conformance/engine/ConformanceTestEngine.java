package dev.jirasim.conformance.engine;

import dev.jirasim.conformance.model.Deviation;
import dev.jirasim.conformance.model.Scenario;
import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.parse.ManifestParser;
import dev.jirasim.conformance.parse.ParseProblem;
import dev.jirasim.conformance.parse.ScenarioParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * Runs scenario files as tests: file → scenario → step. Discovers from file, directory, classpath-resource
 * and unique-id selectors, or from {@link Constants#SCENARIOS}. Malformed files become one failed test each.
 */
public final class ConformanceTestEngine extends HierarchicalTestEngine<ConformanceContext> {

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        var root = new SuiteDescriptor(uniqueId);
        var files = new TreeSet<Path>();
        request.getSelectorsByType(FileSelector.class).forEach(s -> files.add(s.getPath().toAbsolutePath().normalize()));
        request.getSelectorsByType(DirectorySelector.class).forEach(s -> files.addAll(scenarioFiles(s.getPath())));
        for (ClasspathResourceSelector s : request.getSelectorsByType(ClasspathResourceSelector.class)) {
            var url = Thread.currentThread().getContextClassLoader().getResource(s.getClasspathResourceName().replaceFirst("^/", ""));
            if (url != null && url.getProtocol().equals("file")) {
                try {
                    Path p = Path.of(url.toURI());
                    if (Files.isDirectory(p)) files.addAll(scenarioFiles(p));
                    else files.add(p);
                } catch (URISyntaxException ignored) {
                    // not a file URL after all: nothing to read
                }
            }
        }
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            s.getUniqueId().getSegments().stream().filter(seg -> seg.getType().equals("file"))
                    .findFirst().ifPresent(seg -> files.add(Path.of(seg.getValue())));
        }
        if (files.isEmpty()) {
            request.getConfigurationParameters().get(Constants.SCENARIOS).ifPresent(value -> {
                for (String part : value.split(",")) {
                    Path p = Path.of(part.trim()).toAbsolutePath().normalize();
                    if (Files.isDirectory(p)) files.addAll(scenarioFiles(p));
                    else if (Files.isRegularFile(p)) files.add(p);
                }
            });
        }
        Path base = commonBase(files);
        Map<String, Path> seenIds = new HashMap<>();
        for (Path file : files) addFile(root, file, base, seenIds);
        request.getConfigurationParameters().get(Constants.TAGS).filter(t -> !t.isBlank()).ifPresent(tags -> keepTagged(root, tags));
        request.getConfigurationParameters().get(Constants.EXPECTED_DEVIATIONS).filter(m -> !m.isBlank()).ifPresent(m -> {
            try {
                ManifestParser.parse(Path.of(m));
            } catch (ParseProblem problem) {
                root.addChild(new MalformedFileDescriptor(root.getUniqueId().append("file", m), "expected-deviation manifest", problem));
            }
        });
        return root;
    }

    /** Drops scenarios whose tags do not match; keeps malformed files, which must still fail the run. */
    private static void keepTagged(TestDescriptor root, String expression) {
        var filter = org.junit.platform.launcher.TagFilter.includeTags(expression);
        for (TestDescriptor file : List.copyOf(root.getChildren())) {
            for (TestDescriptor scenario : List.copyOf(file.getChildren())) {
                if (filter.apply(scenario).excluded()) scenario.removeFromHierarchy();
            }
            if (file instanceof FileDescriptor && file.getChildren().isEmpty()) file.removeFromHierarchy();
        }
    }

    private static void addFile(TestDescriptor root, Path file, Path base, Map<String, Path> seenIds) {
        UniqueId fileId = root.getUniqueId().append("file", file.toString());
        String label = base == null ? file.getFileName().toString() : base.relativize(file).toString();
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioParser.parse(file);
            for (Scenario s : scenarios) {
                Path other = seenIds.putIfAbsent(s.id(), file);
                if (other != null) throw new ParseProblem(s.pos(), "scenario id '" + s.id() + "' is already used in " + other);
            }
        } catch (ParseProblem problem) {
            root.addChild(new MalformedFileDescriptor(fileId, label, problem));
            return;
        }
        var fileNode = new FileDescriptor(fileId, file, label);
        root.addChild(fileNode);
        for (Scenario s : scenarios) {
            var scenarioNode = new ScenarioDescriptor(fileId.append("scenario", s.id()), s);
            fileNode.addChild(scenarioNode);
            int i = 0;
            for (Step step : s.steps()) {
                scenarioNode.addChild(new StepDescriptor(scenarioNode.getUniqueId().append("step", Integer.toString(++i)),
                        step, s.id(), scenarioNode.getTags(), false));
            }
            for (Step step : s.cleanup()) {
                scenarioNode.addChild(new StepDescriptor(scenarioNode.getUniqueId().append("step", Integer.toString(++i)),
                        step, s.id(), scenarioNode.getTags(), true));
            }
        }
    }

    /** YAML files under a directory, leaving out target files, fixtures and flows (folders named targets, fixtures, flows). */
    static List<Path> scenarioFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir.toAbsolutePath().normalize())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> {
                        for (Path part : dir.toAbsolutePath().normalize().relativize(p)) {
                            String n = part.toString();
                            if (n.equals("targets") || n.equals("fixtures") || n.equals("flows") || n.startsWith(".")) return false;
                        }
                        return !p.getFileName().toString().startsWith("expected-deviations");
                    })
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path commonBase(java.util.Collection<Path> files) {
        Path base = null;
        for (Path f : files) {
            Path dir = f.getParent();
            if (base == null) base = dir;
            while (base != null && !dir.startsWith(base)) base = base.getParent();
        }
        return base;
    }

    @Override
    protected ConformanceContext createExecutionContext(ExecutionRequest request) {
        var params = request.getConfigurationParameters();
        List<Deviation> deviations = new ArrayList<>();
        String manifest = params.get(Constants.EXPECTED_DEVIATIONS).orElse(null);
        if (manifest != null && !manifest.isBlank()) {
            try {
                deviations = ManifestParser.parse(Path.of(manifest));
            } catch (ParseProblem e) {
                // Already reported at discovery as a failed test with its position; run without it.
                deviations = List.of();
            }
        }
        // ${env.NAME} reads jirasim.conformance.env.NAME first: how a test gives a run an environment of its own.
        java.util.function.Function<String, String> env = name -> params.get(Constants.ENV_PREFIX + name).orElseGet(() -> System.getenv(name));
        return new ConformanceContext(request.getEngineExecutionListener(), params.get(Constants.TARGET).orElse(Constants.EMBEDDED),
                deviations, params.getBoolean(Constants.RECORD_EXCHANGES).orElse(false), null, null, env);
    }
}
