package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The world file's {@code webhooks} section: read, validated, kept and written back. */
class WebhookSettingsTest {
    private static final String BASE = "http://localhost:9999";
    private static final String WEBHOOKS = """
            webhooks:
              jira:
                retryDelaysSeconds: [5, 10]
                timeoutSeconds: 3
                expirationDate: string
                keepQueryString: false
                jwtClaims: {iss: "${clientId}"}
                registrations:
                  - {id: 4, site: 7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70, clientId: jirasim-client, accountId: bob@acme.test,
                     url: "https://app.example.com/h?x=1", events: [jira:issue_created, comment_created], jqlFilter: "project = ACME",
                     fieldIdsFilter: [summary], expirationDate: "2030-01-31T10:00:00Z"}
                  - {id: 2, site: acme, clientId: jirasim-client, accountId: 5f8a1c2e4b7d9e0011a2b3c4, url: "http://127.0.0.1:1/",
                     events: [jira:issue_deleted], jqlFilter: "project != null", expirationDate: "2029-01-31T10:00:00Z"}
            """;

    private static String defaultWorldYaml() {
        return WorldFiles.toYaml(World.of(WorldFiles.defaultWorld(BASE), new SimClock()).export());
    }

    private static World load(String extra) {
        return World.of(WorldFiles.parse(defaultWorldYaml() + extra, BASE), new SimClock());
    }

    @Test
    void registrationsAndSettingsAreReadNormalisedAndWrittenBack() {
        World world = load(WEBHOOKS);
        var options = world.jiraWebhookOptions();
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10)), options.retryDelays());
        assertEquals(Duration.ofSeconds(3), options.timeout());
        assertEquals(WebhookSettings.ExpirationFormat.STRING, options.expirationFormat());
        assertEquals(false, options.keepsQueryString());
        var hooks = world.jiraWebhooks().all();
        assertEquals(List.of(2L, 4L), hooks.stream().map(JiraWebhook::id).toList());
        assertEquals("acme", hooks.get(1).site(), "a cloudId becomes the subdomain");
        assertEquals("5f8a1c2e4b7d9e0011a2b3c5", hooks.get(1).accountId(), "an e-mail becomes the account id");
        assertEquals(List.of(2L), world.jiraWebhooks().live("acme", Instant.parse("2028-01-01T00:00:00Z")).stream().map(JiraWebhook::id)
                .filter(id -> id == 2L).toList());
        assertEquals(List.of(4L), world.jiraWebhooks().live("acme", Instant.parse("2030-01-01T00:00:00Z")).stream().map(JiraWebhook::id).toList());

        WorldFile exported = world.export();
        assertEquals(exported, WorldFiles.parse(WorldFiles.toYaml(exported), BASE));
        assertEquals(exported, WorldFiles.parse(WorldFiles.toJson(exported), BASE));
        // The next registration on the site takes the highest id there plus one.
        var next = world.jiraWebhooks().register(new JiraWebhook(1, "acme", "jirasim-client", "5f8a1c2e4b7d9e0011a2b3c4", "https://x.test",
                List.of("jira:issue_created"), "project = ACME", null, null, Instant.parse("2030-01-01T00:00:00Z")));
        assertEquals(5, next.id());
    }

    @Test
    void aWorldWithoutThemExportsNoSection() {
        assertNull(World.of(WorldFiles.defaultWorld(BASE), new SimClock()).export().webhooks());
    }

    @Test
    void badRegistrationsAndSettingsAreRefusedWithTheirReason() {
        String one = """
                webhooks:
                  jira:
                    registrations:
                      - {id: 1, site: %s, clientId: %s, accountId: %s, url: "%s", events: [%s], jqlFilter: "project = ACME",
                         expirationDate: "2030-01-31T10:00:00Z"}
                """;
        record Case(String yaml, String message) {
        }
        for (Case c : List.of(
                new Case(one.formatted("nowhere", "jirasim-client", "alice@acme.test", "https://x.test", "jira:issue_created"), "unknown site nowhere"),
                new Case(one.formatted("acme", "nope", "alice@acme.test", "https://x.test", "jira:issue_created"), "unknown app nope"),
                new Case(one.formatted("acme", "jirasim-client", "ghost@x.test", "https://x.test", "jira:issue_created"), "unknown user ghost@x.test"),
                new Case(one.formatted("acme", "jirasim-client", "alice@acme.test", "ftp://x.test", "jira:issue_created"), "not http(s)"),
                new Case(one.formatted("acme", "jirasim-client", "alice@acme.test", "https://x.test", "jira:issue_exploded"), "unknown webhook event"),
                new Case("webhooks: {jira: {timeoutSeconds: 0}}\n", "timeoutSeconds"),
                new Case("webhooks: {jira: {retryDelaysSeconds: [-1]}}\n", "retryDelaysSeconds"),
                new Case("webhooks: {jira: {jwtClaims: {exp: \"1\"}}}\n", "always set"),
                new Case("webhooks: {jira: {expirationDate: weekly}}\n", "'number' or 'string'"))) {
            var e = assertThrows(WorldException.class, () -> load(c.yaml()), c.yaml());
            assertTrue(e.getMessage().contains(c.message()), e.getMessage());
        }
        String twice = """
                webhooks:
                  jira:
                    registrations:
                      - {id: 1, site: acme, clientId: jirasim-client, accountId: alice@acme.test, url: "https://x.test", events: [], jqlFilter: "x", expirationDate: "2030-01-31T10:00:00Z"}
                      - {id: 1, site: acme, clientId: jirasim-client, accountId: alice@acme.test, url: "https://y.test", events: [], jqlFilter: "x", expirationDate: "2030-01-31T10:00:00Z"}
                """;
        assertTrue(assertThrows(WorldException.class, () -> load(twice)).getMessage().contains("have id 1"));
    }
}
