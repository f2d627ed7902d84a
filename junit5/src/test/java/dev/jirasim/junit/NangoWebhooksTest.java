package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jirasim.simulator.world.NangoSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The world builder's Nango webhook settings: a test points Nango's webhooks at its own receiver and checks what arrives. */
@Jirasim
class NangoWebhooksTest {
    @Test
    void theBuildersUrlAndSigningKeyGetAForwardedJiraEvent(JirasimHandle sim) throws Exception {
        var bodies = new CopyOnWriteArrayList<String[]>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String[] {new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Nango-Hmac-Sha256")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/backend";
            sim.world().nangoWebhookUrl(url).nangoWebhookSigningKey("test-signing-key").apply();
            assertEquals(url, sim.control().nangoWebhooks().primaryUrl());
            assertEquals("test-signing-key", sim.nangoWebhookSigningKey());
            assertTrue(sim.control().nangoWebhooks().onAuthCreation(), "the toggles stay at Nango's defaults");

            Http.Answer a = Http.postJson(sim.nangoProviderWebhookUrl("jira"), null,
                    "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"self\":\"https://acme.atlassian.net/rest/api/2/issue/1\"}}");
            assertEquals(200, a.status(), a.body());
            assertTrue(sim.control().awaitWebhooksIdle(Duration.ofSeconds(10)));
            assertEquals(1, bodies.size());
            String body = bodies.get(0)[0];
            assertTrue(body.contains("\"type\":\"forward\"") && body.contains("\"connectionId\":\"alice-acme\""), body);
            assertEquals(hmac("test-signing-key", body), bodies.get(0)[1]);

            // Whole settings: a secondary URL and a toggle off.
            sim.world().nangoWebhooks(new NangoSettings.Webhooks(url, url + "/2", false, null, null, null, null)).apply();
            assertEquals(List.of(url, url + "/2"), List.of(sim.control().nangoWebhooks().primaryUrl(), sim.control().nangoWebhooks().secondaryUrl()));
        } finally {
            server.stop(0);
        }
    }

    private static String hmac(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
