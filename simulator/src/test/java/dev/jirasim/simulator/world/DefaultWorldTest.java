package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The default world a server starts with is built by generated code (DefaultWorld.java, for a fast cold start), and
 * default-world.yaml is what people read: the two must say the same. Rerun with -Djirasim.regenerate=true after
 * editing the YAML (or a record the world uses) to rewrite the class.
 */
class DefaultWorldTest {
    private static final Path FILE = Path.of("src", "main", "java", "dev", "jirasim", "simulator", "world", "DefaultWorld.java");

    @Test
    void theCommittedClassIsTheOneTheYamlGives() throws Exception {
        String generated = DefaultWorldGenerator.generate();
        if (Boolean.getBoolean("jirasim.regenerate")) Files.writeString(FILE, generated);
        assertEquals(generated, Files.readString(FILE, StandardCharsets.UTF_8).replace("\r\n", "\n"),
                "DefaultWorld.java is stale: rerun DefaultWorldTest with -Djirasim.regenerate=true and commit the file");
    }

    @Test
    void theGeneratedWorldEqualsTheYamlForAnyUrl() throws Exception {
        String yaml = DefaultWorldGenerator.yaml();
        for (String url : new String[] {"http://localhost:8080", "https://jirasim.example.test/prefix", null}) {
            WorldFile fromYaml = WorldFiles.parse(yaml, url);
            WorldFile generated = DefaultWorld.of(url);
            assertEquals(fromYaml, generated, "for " + url);
            // Equal records can still differ in what an export writes (a map's order, say).
            assertEquals(WorldFiles.toJson(fromYaml), WorldFiles.toJson(generated), "for " + url);
        }
    }
}
