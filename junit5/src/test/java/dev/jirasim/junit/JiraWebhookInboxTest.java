package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.control.IssuedTokens;
import dev.jirasim.simulator.receiver.WebhookInbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Jira dynamic webhook registered with the test's own inbox: what an app's webhook handler would receive. */
@Jirasim
class JiraWebhookInboxTest {

    @Test
    void aMatchingIssueArrivesInTheTestsInboxAndARetryWhenItFails(JirasimHandle sim) {
        WebhookInbox inbox = sim.webhooks();
        sim.clock().freeze();
        IssuedTokens alice = sim.tokens("jirasim-client", "alice@acme.test", List.of("acme"),
                List.of("read:jira-work", "write:jira-work", "manage:jira-webhook"));
        Http.Answer registered = Http.postJson(sim.jiraUrl("acme") + "/rest/api/3/webhook", alice.accessToken(), """
                {"url": "%s/jira", "webhooks": [{"events": ["jira:issue_created"], "jqlFilter": "project = ACME"}]}
                """.formatted(inbox.url()));
        assertEquals(200, registered.status(), registered.body());

        inbox.respondWith(503);
        String key = Http.createIssue(sim, alice.accessToken(), "ACME", "Webhook in JUnit");
        WebhookInbox.Received first = inbox.await(r -> r.json().path("issue").path("key").asText().equals(key));
        assertEquals("jira:issue_created", first.json().path("webhookEvent").asText());
        assertTrue(first.header("Authorization").startsWith("Bearer "));
        assertTrue(sim.control().awaitWebhooksIdle(Duration.ofSeconds(10)));

        inbox.respondWith(200);
        sim.clock().advance(Duration.ofMinutes(1));
        WebhookInbox.Received retry = inbox.await(r -> "1".equals(r.header("X-Atlassian-Webhook-Retry")));
        assertEquals(first.header("X-Atlassian-Webhook-Identifier"), retry.header("X-Atlassian-Webhook-Identifier"));
        assertTrue(sim.control().awaitWebhooksIdle(Duration.ofSeconds(10)));
        assertEquals(List.of("retrying", "delivered"), sim.control().webhookDeliveries().stream().map(a -> a.outcome()).toList());
    }

    @Test
    void editingTheWorldInCodeKeepsTheRegisteredWebhooks(JirasimHandle sim) {
        WebhookInbox inbox = sim.webhooks();
        IssuedTokens alice = sim.tokens("jirasim-client", "alice@acme.test", List.of("acme"),
                List.of("read:jira-work", "write:jira-work", "manage:jira-webhook"));
        Http.Answer registered = Http.postJson(sim.jiraUrl("acme") + "/rest/api/3/webhook", alice.accessToken(), """
                {"url": "%s", "webhooks": [{"events": ["jira:issue_created"], "jqlFilter": "project = ACME"}]}
                """.formatted(inbox.url()));
        assertEquals(200, registered.status(), registered.body());
        sim.world().issue("OPS", "An edit through the world builder").apply();
        String key = Http.createIssue(sim, alice.accessToken(), "ACME", "Still delivered");
        inbox.await(r -> r.json().path("issue").path("key").asText().equals(key));
    }
}
