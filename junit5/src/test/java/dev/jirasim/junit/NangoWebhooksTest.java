package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.receiver.WebhookInbox;
import dev.jirasim.simulator.world.NangoSettings;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The world builder's Nango webhook settings: a test points Nango's webhooks at its own inbox and checks what arrives. */
@Jirasim
class NangoWebhooksTest {
    @Test
    void theBuildersUrlAndSigningKeyGetAForwardedJiraEvent(JirasimHandle sim) throws Exception {
        WebhookInbox inbox = sim.webhooks();
        String url = inbox.url() + "/backend";
        sim.world().nangoWebhookUrl(url).nangoWebhookSigningKey("test-signing-key").apply();
        assertEquals(url, sim.control().nangoWebhooks().primaryUrl());
        assertEquals("test-signing-key", sim.nangoWebhookSigningKey());
        assertTrue(sim.control().nangoWebhooks().onAuthCreation(), "the toggles stay at Nango's defaults");

        Http.Answer a = Http.postJson(sim.nangoProviderWebhookUrl("jira"), null,
                "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"self\":\"https://acme.atlassian.net/rest/api/2/issue/1\"}}");
        assertEquals(200, a.status(), a.body());
        WebhookInbox.Received forward = inbox.await(r -> r.json().path("type").asText().equals("forward"));
        assertEquals("alice-acme", forward.json().path("connectionId").asText());
        assertEquals(hmac("test-signing-key", forward.body()), forward.header("X-Nango-Hmac-Sha256"));

        // Whole settings: a secondary URL and a toggle off.
        sim.world().nangoWebhooks(new NangoSettings.Webhooks(url, url + "/2", false, null, null, null, null)).apply();
        assertEquals(List.of(url, url + "/2"), List.of(sim.control().nangoWebhooks().primaryUrl(), sim.control().nangoWebhooks().secondaryUrl()));
        assertEquals(false, sim.control().nangoWebhooks().onAuthCreation());
    }

    private static String hmac(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
