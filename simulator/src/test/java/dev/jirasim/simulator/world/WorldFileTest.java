package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldFileTest {
    private static final String BASE = "http://localhost:9999";

    @Test
    void theDefaultWorldHasTheDocumentedIdentities() {
        World world = World.of(WorldFiles.defaultWorld(BASE), new SimClock());
        assertEquals(List.of("acme", "globex", "initech"), world.sites().stream().map(Site::subdomain).toList());
        User alice = world.user("alice@acme.test").orElseThrow();
        assertEquals(List.of("acme", "globex"), alice.sites());
        assertEquals(List.of("acme"), alice.siteAdmin());
        assertEquals(List.of("acme"), world.user("bob@acme.test").orElseThrow().sites());
        assertEquals(List.of("globex"), world.user("carol@globex.test").orElseThrow().sites());
        OAuthApp app = world.app("jirasim-client").orElseThrow();
        assertEquals("jirasim-secret", app.clientSecret());
        assertEquals(List.of("http://localhost:3000/callback", BASE + "/nango/oauth/callback"), app.callbackUrls());
        assertEquals(OAuthApp.Distribution.PRIVATE, world.app("jirasim-private-client").orElseThrow().distribution());
        assertTrue(world.sites().stream().allMatch(s -> s.cloudId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));
    }

    @Test
    void yamlAndJsonExportsReadBackToTheSameWorld() {
        WorldFile file = World.of(WorldFiles.defaultWorld(BASE), new SimClock()).export();
        assertEquals(file, WorldFiles.parse(WorldFiles.toYaml(file), BASE));
        assertEquals(file, WorldFiles.parse(WorldFiles.toJson(file), BASE));
    }

    @Test
    void unknownKeysAreErrorsWithLineAndColumn() {
        var e = assertThrows(WorldException.class, () -> WorldFiles.parse("""
                version: 1
                sites:
                  - cloudId: a
                    subdomain: b
                    colour: red
                """, BASE));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        assertTrue(e.getMessage().contains("sites[0].colour"), e.getMessage());
        assertTrue(e.getMessage().matches(".*\\[line \\d+, column \\d+]"), e.getMessage());
        assertTrue(!e.getMessage().contains("dev.jirasim"), e.getMessage());
    }

    @Test
    void wrongTypesAndVersionsAreErrors() {
        assertThrows(WorldException.class, () -> WorldFiles.parse("version: 1\nsites: acme\n", BASE));
        var e = assertThrows(WorldException.class, () -> WorldFiles.parse("version: 7\n", BASE));
        assertTrue(e.getMessage().contains("version 7"));
        assertThrows(WorldException.class, () -> WorldFiles.parse("", BASE));
    }

    @Test
    void referencesMustResolve() {
        assertThrows(WorldException.class, () -> World.of(WorldFiles.parse("""
                version: 1
                users:
                  - {accountId: u1, email: a@x.test, sites: [nowhere]}
                """, BASE), new SimClock()));
        assertThrows(WorldException.class, () -> World.of(WorldFiles.parse("""
                version: 1
                apps:
                  - {clientId: c, clientSecret: s, distribution: private, owner: ghost@x.test}
                """, BASE), new SimClock()));
        assertThrows(WorldException.class, () -> World.of(WorldFiles.parse("""
                version: 1
                sites:
                  - {cloudId: c1, subdomain: a}
                  - {cloudId: c1, subdomain: b}
                """, BASE), new SimClock()));
    }

    @Test
    void usersMayNameSitesByCloudIdAndTheWorldKeepsSubdomains() {
        World world = World.of(WorldFiles.parse("""
                version: 1
                sites:
                  - {cloudId: 00000000-0000-4000-8000-000000000001, subdomain: one}
                users:
                  - {accountId: u1, email: a@x.test, sites: [00000000-0000-4000-8000-000000000001], siteAdmin: [one]}
                """, BASE), new SimClock());
        assertEquals(List.of("one"), world.user("u1").orElseThrow().sites());
    }

    @Test
    void tokenRecordsWithoutTimestampsAreRefusedNotLoaded() {
        var e = assertThrows(WorldException.class, () -> World.of(WorldFiles.parse("""
                version: 1
                sites: [{cloudId: c1, subdomain: one}]
                users: [{accountId: u1, email: a@x.test, sites: [one]}]
                apps: [{clientId: app, clientSecret: s}]
                tokens:
                  grants: [{id: g1, clientId: app, accountId: u1, createdAt: "2026-01-01T00:00:00Z"}]
                  accessTokens: [{id: a1, token: t1, grantId: g1}]
                """, BASE), new SimClock()));
        assertTrue(e.getMessage().contains("expiresAt"), e.getMessage());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        var e = assertThrows(WorldException.class, () -> WorldFiles.parse("version: 1\nsites:\n  - subdomain: x\n", BASE));
        assertTrue(e.getMessage().contains("missing required field 'cloudId'"), e.getMessage());
    }
}
