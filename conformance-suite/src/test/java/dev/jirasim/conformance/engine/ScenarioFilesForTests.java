package dev.jirasim.conformance.engine;

import java.nio.file.Path;
import java.util.List;

/** Test access to the engine's own rule for which files under a folder are scenarios. */
public final class ScenarioFilesForTests {
    private ScenarioFilesForTests() {
    }

    public static List<Path> list(Path dir) {
        return ConformanceTestEngine.scenarioFiles(dir);
    }
}
