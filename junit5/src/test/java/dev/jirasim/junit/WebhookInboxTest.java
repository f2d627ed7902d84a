package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.receiver.WebhookInbox;
import dev.jirasim.simulator.receiver.WebhookReceiver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-test webhook receiver: records, answers as told, waits boundedly, and keeps tests apart. */
@Jirasim
class WebhookInboxTest {

    @Test
    void recordsWhatArrivesAndAnswersWithTheStatusItIsGiven(JirasimHandle sim) {
        WebhookInbox inbox = sim.webhooks();
        assertTrue(inbox.url().startsWith("http://127.0.0.1:") || inbox.url().startsWith("http://localhost:"), inbox.url());
        assertEquals(200, Http.postJson(inbox.url() + "/jira?x=1", null, "{\"webhookEvent\":\"jira:issue_created\"}").status());
        WebhookInbox.Received r = inbox.await(x -> x.json().path("webhookEvent").asText().equals("jira:issue_created"));
        assertEquals("POST", r.method());
        assertEquals("x=1", r.query());
        assertEquals("application/json", r.header("Content-Type"));
        inbox.respondWith(500);
        assertEquals(500, Http.postJson(inbox.url(), null, "{\"n\":2}").status());
        assertEquals(2, inbox.received().size());
        assertEquals(1, inbox.received(x -> x.json().path("n").asInt() == 2).size());
        inbox.clear();
        assertEquals(0, inbox.received().size());
    }

    @Test
    void awaitIsBoundedAndSaysWhatCameInstead(JirasimHandle sim) {
        WebhookInbox inbox = sim.webhooks();
        Http.postJson(inbox.url(), null, "{\"type\":\"auth\"}");
        AssertionError e = assertThrows(AssertionError.class, () -> inbox.await(x -> x.json().path("type").asText().equals("forward"),
                Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("got 0 of 1 received") && e.getMessage().contains("\"type\":\"auth\""), e.getMessage());
    }

    @Test
    void eachTestHasItsOwnInbox(JirasimHandle sim) {
        WebhookInbox mine = sim.webhooks();
        assertEquals(mine, sim.webhooks(), "one inbox per test");
        // Another inbox on the same receiver (as a parallel test would have) never sees this test's requests.
        WebhookInbox other = WebhookReceiver.get().open();
        try {
            assertNotEquals(mine.url(), other.url());
            Http.postJson(other.url(), null, "{}");
            other.await(x -> true);
            assertEquals(0, mine.received().size());
        } finally {
            WebhookReceiver.get().close(other);
        }
        assertEquals(404, Http.postJson(other.url(), null, "{}").status(), "a closed inbox is gone");
    }
}
