package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jirasim.simulator.clock.SimClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * schemas/world.schema.json is what the loader reads: regenerated from the records and compared with the committed
 * file (run with -Djirasim.writeSchemas=true to rewrite it after changing a record), and every world the repository
 * ships validates against it.
 */
public class WorldSchemaTest {
    static final Path FILE = Path.of("..", "schemas", "world.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The committed schema, for other tests that check worlds against it. */
    public static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(FILE.toFile()));
    }

    /** The violations of a world's text (YAML or JSON), as readable strings. */
    public static List<String> violations(String worldText) throws Exception {
        return schema().validate(YAML.readTree(worldText)).stream().map(Object::toString).toList();
    }

    @Test
    void theCommittedSchemaIsTheOneTheRecordsGive() throws Exception {
        String generated = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(WorldSchemaGenerator.generate()) + "\n";
        if (Boolean.getBoolean("jirasim.writeSchemas")) Files.writeString(FILE, generated);
        assertEquals(generated, Files.readString(FILE).replace("\r\n", "\n"),
                "schemas/world.schema.json is stale: rerun this test with -Djirasim.writeSchemas=true and commit the file");
    }

    @Test
    void theDefaultWorldItsExportAndTheJunitExampleWorldConform() throws Exception {
        String text = new String(WorldFiles.class.getResourceAsStream("/dev/jirasim/simulator/default-world.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(List.of(), violations(text));
        World world = World.of(WorldFiles.defaultWorld("http://localhost:9999"), new SimClock());
        assertEquals(List.of(), violations(WorldFiles.toYaml(world.export())));
        assertEquals(List.of(), violations(Files.readString(Path.of("..", "junit5", "src", "test", "resources", "worlds", "small.yaml"))));
    }

    @Test
    void mistakesTheLoaderRefusesAreViolationsToo() throws Exception {
        String base = "version: 1\nsites:\n  - {cloudId: 11111111-2222-4333-8444-555555555555, subdomain: acme%s}\n";
        assertEquals(List.of(), violations(base.formatted("")));
        assertFalse(violations(base.formatted(", colour: red")).isEmpty());
        assertFalse(violations("version: 1\nconsent: {mode: sometimes}\n").isEmpty());
        assertFalse(violations("version: 1\nusers: {accountId: a1}\n").isEmpty());
        assertTrue(violations("version: 1\nconsent: {mode: auto, user: a1, decision: approve}\n").isEmpty());
    }

    @Test
    void editorsAreToldWhichFilesAreWorlds() throws Exception {
        JsonNode settings = JSON.readTree(Path.of("..", ".vscode", "settings.json").toFile());
        assertTrue(settings.path("yaml.schemas").has("./schemas/world.schema.json"), settings.toString());
    }
}
