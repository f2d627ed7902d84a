package dev.jirasim.junit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@Jirasim
class SearchAsBobTest {

    @Test
    void searchesWhatTheUserMaySee(JirasimHandle sim) throws Exception {
        var tokens = sim.tokens("bob@acme.test", "acme");                // a token pair, no browser dance
        var jql = URLEncoder.encode("project IS NOT EMPTY ORDER BY key DESC", StandardCharsets.UTF_8);   // SEC would come first
        var search = HttpRequest.newBuilder(URI.create(sim.jiraUrl("acme") + "/rest/api/3/search/jql?fields=summary&jql=" + jql))
                .header("Authorization", "Bearer " + tokens.accessToken()).build();

        var answer = HttpClient.newHttpClient().send(search, BodyHandlers.ofString());

        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("\"key\":\"OPS-"));
        assertFalse(answer.body().contains("\"key\":\"SEC-"), "bob may not browse SEC");
    }
}
