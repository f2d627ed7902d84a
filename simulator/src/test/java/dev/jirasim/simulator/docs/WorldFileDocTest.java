package dev.jirasim.simulator.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every YAML and JSON block of docs/world-file.md loads: a whole world as it stands, a fragment (top-level keys
 * such as {@code jira:} or {@code projects:}) on top of a small base world with the sites and users the page's
 * examples name.
 */
class WorldFileDocTest {
    private static final Path PAGE = Path.of("..", "docs", "world-file.md");
    private static final String BASE = """
            version: 1
            sites:
              - {cloudId: 11111111-2222-4333-8444-555555555555, subdomain: acme}
              - {cloudId: 11111111-2222-4333-8444-666666666666, subdomain: globex}
            users:
              - {accountId: a1, email: alice@acme.test, sites: [acme, globex], siteAdmin: [acme]}
              - {accountId: b1, email: bob@acme.test, sites: [acme]}
            apps:
              - {clientId: my-app, clientSecret: my-secret}
            """;
    /** Blocks that show one member of a larger object, not a world or top-level keys. */
    private static final List<String> MEMBERS = List.of("callbackUrls:");

    @Test
    void everyWorldBlockOfThePageLoads() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory());
        Matcher block = Pattern.compile("(?ms)^```(yaml|json)\\n(.*?)^```$").matcher(Files.readString(PAGE));
        var loaded = new ArrayList<String>();
        while (block.find()) {
            String text = block.group(2);
            if (MEMBERS.stream().anyMatch(text::startsWith)) continue;
            String world;
            if (text.contains("\"version\"") || text.lines().anyMatch(l -> l.startsWith("version:"))) {
                world = text;
            } else {
                ObjectNode base = (ObjectNode) yaml.readTree(BASE);
                base.setAll((ObjectNode) yaml.readTree(text));
                world = yaml.writeValueAsString(base);
            }
            World.of(WorldFiles.parse(world, "http://localhost:9999"), new SimClock());
            assertEquals(List.of(), dev.jirasim.simulator.world.WorldSchemaTest.violations(world), "schemas/world.schema.json refuses: " + text);
            loaded.add(text.lines().findFirst().orElse(""));
        }
        assertFalse(loaded.isEmpty(), "no world blocks found in " + PAGE);
        assertEquals(10, loaded.size(), "the page's world blocks: " + loaded);
    }
}
