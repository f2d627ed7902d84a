package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NangoSettingsTest {
    @Test
    void anIntegrationNamesAKnownProvider() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new NangoSettings.Integration("gh", "github", null, "client", "secret", null, null));
        assertEquals("integration gh: provider must be jira or jira-data-center, not github", e.getMessage());
    }

    @Test
    void theProviderGivesTheDefaultDisplayName() {
        var cloud = new NangoSettings.Integration("jira", "jira", null, "client", "secret", null, null);
        var dc = new NangoSettings.Integration("dc", "jira-data-center", null, "client", "secret", null, null);
        assertEquals("Jira (OAuth)", cloud.displayName());
        assertEquals(NangoSettings.Provider.JIRA, cloud.kind());
        assertEquals("Jira Data Center", dc.displayName());
        assertEquals(NangoSettings.Provider.JIRA_DATA_CENTER, dc.kind());
    }

    @Test
    void aWorldWithoutWebhookSettingsSignsWithItsFirstSecretKeyAndSendsNothing() throws Exception {
        var world = WorldFiles.parse("""
                version: 1
                nango:
                  secretKeys: [c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c]
                """, "http://localhost:1");
        NangoStore store = World.of(world, new dev.jirasim.simulator.clock.SimClock()).nango();
        assertEquals(java.util.Optional.of("c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c"), store.webhookSigningKey());
        assertEquals("dev", store.environment());
        assertEquals(NangoSettings.DEFAULT_ENVIRONMENT_UUID, store.environmentUuid());
        assertEquals(false, store.webhooks().anyUrl());
        assertEquals(new NangoSettings.Webhooks(null, null, true, true, true, true, false), store.webhooks().resolved());
        assertEquals(null, store.export().webhooks(), "default settings are not exported");
    }

    @Test
    void webhookSettingsAndAConnectionsOverrideSurviveAnExport() throws Exception {
        String file = """
                version: 1
                apps: [{clientId: my-app, clientSecret: s}]
                nango:
                  secretKeys: [c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c]
                  environment: prod
                  environmentUuid: 0f1e2d3c-4b5a-4968-8776-655443322110
                  webhookSigningKey: signing
                  webhooks: {primaryUrl: "https://app.example.com/n", onAuthRefreshError: false}
                  integrations: [{uniqueKey: jira, provider: jira, clientId: my-app, clientSecret: s, forwardWebhooks: false, webhookSecret: w}]
                  connections: [{connectionId: c1, integration: jira, credentials: {accessToken: t}, webhookUrlOverride: "http://127.0.0.1:9/c1"}]
                """;
        World world = World.of(WorldFiles.parse(file, "http://localhost:1"), new dev.jirasim.simulator.clock.SimClock());
        NangoSettings exported = world.export().nango();
        assertEquals("prod", exported.environment());
        assertEquals("signing", exported.webhookSigningKey());
        assertEquals(new NangoSettings.Webhooks("https://app.example.com/n", null, null, false, null, null, null), exported.webhooks());
        assertEquals(false, exported.integrations().get(0).forwardsWebhooks());
        assertEquals("w", exported.integrations().get(0).webhookSecret());
        assertEquals("http://127.0.0.1:9/c1", exported.connections().get(0).webhookUrlOverride());
        // What is exported loads back the same.
        World again = World.of(WorldFiles.parse(WorldFiles.toYaml(world.export()), "http://localhost:1"), new dev.jirasim.simulator.clock.SimClock());
        assertEquals(exported, again.export().nango());
    }

    @Test
    void badWebhookSettingsAreRefusedWithTheFieldNamed() {
        var url = assertThrows(IllegalArgumentException.class, () -> NangoSettings.Webhooks.to("mailto:someone@example.com"));
        assertEquals("nango.webhooks.primaryUrl must be an absolute http or https URL, not mailto:someone@example.com", url.getMessage());
        var uuid = assertThrows(IllegalArgumentException.class,
                () -> new NangoSettings(null, null, null, "not-a-uuid", null, null, null, null));
        assertEquals("nango.environmentUuid must be a UUID, not not-a-uuid", uuid.getMessage());
        assertThrows(WorldException.class, () -> WorldFiles.parse("version: 1\nnango: {webhooks: {secondaryUrl: \"/relative\"}}\n", "http://x"));
    }
}
