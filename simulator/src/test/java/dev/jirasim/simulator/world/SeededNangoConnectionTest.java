package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jirasim.simulator.clock.SimClock;
import org.junit.jupiter.api.Test;

/** Connections seeded by user get their tokens from the nango package's minter, found by the loader at run time. */
class SeededNangoConnectionTest {
    private static final String BASE = "http://localhost:8484";
    private static final String WORLD = """
            version: 1
            sites:
              - {cloudId: 00000000-0000-4000-8000-000000000001, subdomain: one}
              - {cloudId: 00000000-0000-4000-8000-000000000002, subdomain: two}
            users: [{accountId: u1, email: a@x.test, sites: [one]}]
            apps: [{clientId: app, clientSecret: s}]
            nango:
              integrations: [{uniqueKey: jira, provider: jira, clientId: app, clientSecret: s, scopes: [read:jira-work]}]
              connections: [%s]
            """;

    private static WorldFile file(String connection) {
        return WorldFiles.parse(WORLD.formatted(connection), BASE);
    }

    @Test
    void aConnectionSeededByUserIsMintedAtLoad() {
        World world = World.of(file("{connectionId: c1, integration: jira, user: a@x.test}"), new SimClock());
        NangoSettings.Connection c = world.nango().connection("jira", "c1").orElseThrow();
        assertNotNull(c.credentials().accessToken());
        assertEquals("00000000-0000-4000-8000-000000000001", c.connectionConfig().get("cloudId"));
        assertEquals("u1", c.connectionConfig().get("accountId"));
        assertEquals(1, world.tokens().snapshot().grants().size());
    }

    @Test
    void aSeededConnectionThatDoesNotFitRejectsTheWorld() {
        assertEquals("Nango connection c1 names unknown user b@x.test", message("{connectionId: c1, integration: jira, user: b@x.test}"));
        assertEquals("Nango connection c1: a@x.test is not on site two",
                message("{connectionId: c1, integration: jira, user: a@x.test, sites: [two]}"));
        assertEquals("Nango connection c1 needs credentials or a user", message("{connectionId: c1, integration: jira}"));
    }

    @Test
    void withoutAMinterSeedingByUserIsRefused() {
        var e = assertThrows(WorldException.class,
                () -> WorldLoader.load(file("{connectionId: c1, integration: jira, user: a@x.test}"), new SimClock(), null));
        assertEquals("Nango connection c1 needs credentials: nothing here mints them", e.getMessage());
    }

    private static String message(String connection) {
        return assertThrows(WorldException.class, () -> World.of(file(connection), new SimClock())).getMessage();
    }
}
