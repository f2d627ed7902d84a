package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.WebhookReceiver;
import dev.jirasim.simulator.webhooks.Deliveries;
import dev.jirasim.simulator.webhooks.WebhookSender;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraWebhook;
import dev.jirasim.simulator.world.UndoLog;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook events without a server: a world, its deliveries and the undo log of a request. */
class WebhookEventsTest {
    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
    private final SimClock clock = new SimClock();
    private final WebhookSender sender = new WebhookSender();
    private final Deliveries deliveries = new Deliveries(clock, sender);
    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void close() {
        UndoLog.end();
        sender.close();
        receiver.close();
    }

    private World world() {
        clock.freeze();
        clock.set(T);
        World world = World.of(WorldFiles.defaultWorld("http://localhost:1"), clock);
        WebhookEvents.attach(world, deliveries, "http://localhost:1");
        world.jiraWebhooks().register(new JiraWebhook(1, "acme", OAuth.CLIENT_ID, OAuth.ALICE_ID, receiver.url("/w"), List.of("jira:issue_updated"),
                "project = ACME", null, null, T.plus(Duration.ofDays(30))));
        return world;
    }

    private static void rename(World world, String key, String summary) {
        Issue issue = world.jira().issue("acme", key).orElseThrow();
        world.updateIssue(issue, issue.toBuilder().summary(summary).build(), OAuth.ALICE_ID);
    }

    @Test
    void aChangeThatIsRolledBackSendsNothingAndOneThatIsKeptIsSentWhenTheRequestEnds() {
        World world = world();
        UndoLog.begin();
        rename(world, "ACME-1", "Undone");
        UndoLog.rollback();
        UndoLog.end();
        assertTrue(deliveries.awaitIdle(Duration.ofSeconds(10)), "a dropped delivery is not in flight");

        UndoLog.begin();
        rename(world, "ACME-1", "Kept");
        assertEquals(0, receiver.received().size(), "nothing leaves before the request ends");
        UndoLog.end();
        assertTrue(deliveries.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(List.of("Kept"), receiver.received().stream().map(r -> r.json().path("issue").path("fields").path("summary").asText()).toList());
    }

    @Test
    void withoutARequestAChangeIsSentAtOnce() {
        World world = world();
        rename(world, "ACME-2", "Embedded change");
        assertTrue(deliveries.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(1, receiver.received().size());
    }

    @Test
    void theIssueEventTypeNameFollowsWhatChanged() {
        World world = world();
        Issue one = world.jira().issue("acme", "ACME-3").orElseThrow();
        world.updateIssue(one, one.toBuilder().assignee(OAuth.ALICE_ID.equals(one.assignee()) ? null : OAuth.ALICE_ID).build(), OAuth.ALICE_ID);
        Issue two = world.jira().issue("acme", "ACME-3").orElseThrow();
        world.updateIssue(two, two.toBuilder().status("Done".equals(two.status()) ? "To Do" : "Done").build(), OAuth.ALICE_ID);
        assertTrue(deliveries.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(List.of("issue_assigned", "issue_generic"),
                receiver.received().stream().map(r -> r.json().path("issue_event_type_name").asText()).toList());
    }
}
