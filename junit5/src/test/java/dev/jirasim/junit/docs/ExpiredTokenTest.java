package dev.jirasim.junit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.junit.RequestPattern;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@Jirasim
class ExpiredTokenTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anExpiredTokenIsRefreshed(JirasimHandle sim) throws Exception {
        var tokens = sim.tokens("alice@acme.test", "acme");    // minted in process: no browser dance, no request
        var myself = HttpRequest.newBuilder(URI.create(sim.jiraUrl("acme") + "/rest/api/3/myself"))
                .header("Authorization", "Bearer " + tokens.accessToken()).build();
        assertEquals(200, http.send(myself, BodyHandlers.ofString()).statusCode());

        sim.clock().advance(Duration.ofHours(1));             // tokens expire on the simulator's clock
        assertEquals(401, http.send(myself, BodyHandlers.ofString()).statusCode());

        var refresh = HttpRequest.newBuilder(URI.create(sim.authUrl() + "/oauth/token"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("""
                        {"grant_type": "refresh_token", "client_id": "jirasim-client",
                         "client_secret": "jirasim-secret", "refresh_token": "%s"}""".formatted(tokens.refreshToken())))
                .build();
        assertEquals(200, http.send(refresh, BodyHandlers.ofString()).statusCode());
        sim.journal().verify(1, RequestPattern.post("/auth/oauth/token").withStatus(200));
    }
}
