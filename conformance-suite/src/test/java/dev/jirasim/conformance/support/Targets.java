package dev.jirasim.conformance.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test support: target files for a simulator running on some base URL, with chosen capabilities. */
public final class Targets {
    public static final Path SCENARIOS = Path.of(System.getProperty("jirasim.scenarios", "../scenarios"));

    private Targets() {
    }

    /** The checked-in target file for a local simulator, pointed at {@code baseUrl}, offering {@code capabilities}. */
    public static Path file(Path dir, String baseUrl, String capabilities) throws Exception {
        String text = Files.readString(SCENARIOS.resolve("targets/simulator.yaml"))
                .replace("http://localhost:8484", baseUrl)
                .replaceFirst("capabilities: \\[[^]]*]", "capabilities: [" + capabilities + "]");
        Path file = Files.createTempFile(dir, "target-", ".yaml");
        Files.writeString(file, text);
        return file;
    }
}
