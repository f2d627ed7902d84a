package dev.jirasim.simulator.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.support.WebhookReceiver;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The delivery core on its own: a clock, a sender, a loopback receiver. */
class DeliveriesTest {
    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final SimClock clock = new SimClock();
    private final WebhookSender sender = new WebhookSender();
    private final Deliveries deliveries = new Deliveries(clock, sender);
    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void close() {
        sender.close();
        receiver.close();
    }

    private Outgoing message(String url, RetryPolicy retry) {
        return new Outgoing("test", "ping", url, "{\"n\":1}",
                (id, attempt, now) -> Map.of("Content-Type", "application/json", "X-Attempt", Integer.toString(attempt), "Authorization", "Bearer abcdefghijklmnopqrstuvwxyz"),
                retry, Duration.ofSeconds(5));
    }

    @Test
    void aHeldMessageIsInFlightUntilReleasedOrCancelled() {
        clock.freeze();
        clock.set(T);
        Deliveries.Ticket held = deliveries.submit(message(receiver.url("/a"), RetryPolicy.NONE));
        assertFalse(deliveries.awaitIdle(Duration.ofMillis(20)), "held counts as in flight");
        held.release();
        assertTrue(deliveries.awaitIdle(WAIT));
        Deliveries.Ticket dropped = deliveries.submit(message(receiver.url("/b"), RetryPolicy.NONE));
        dropped.cancel();
        dropped.release(); // too late: the first call decided
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(List.of("/a"), receiver.received().stream().map(WebhookReceiver.Received::path).toList());
        var attempt = deliveries.attempts().get(0);
        assertEquals(held.id(), attempt.deliveryId());
        assertEquals(Map.of("n", 1), attempt.payload());
        assertEquals(T, attempt.at());
        assertEquals(DeliveryAttempt.DELIVERED, attempt.outcome());
        assertFalse(attempt.headers().get("Authorization").contains("qrstuvwxyz"), "credentials are masked in the list");
    }

    @Test
    void retriesFollowThePolicyOnTheSimulatedClock() {
        clock.freeze();
        clock.set(T);
        receiver.answering(503);
        deliveries.send(message(receiver.url("/r"), new RetryPolicy(List.of(Duration.ofSeconds(10), Duration.ofSeconds(20)), Set.of(), true, false)));
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(1, deliveries.pendingRetries());
        clock.advance(Duration.ofSeconds(9));
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(1, receiver.received().size());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(deliveries.awaitIdle(WAIT));
        clock.set(T.plusSeconds(3600)); // setting the clock past a retry's time sends it too
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(List.of("1", "2", "3"), receiver.received().stream().map(r -> r.header("X-Attempt")).toList());
        var attempts = deliveries.attempts();
        assertEquals(List.of(DeliveryAttempt.RETRYING, DeliveryAttempt.RETRYING, DeliveryAttempt.FAILED), attempts.stream().map(DeliveryAttempt::outcome).toList());
        assertEquals(T.plusSeconds(10), attempts.get(0).nextAttemptAt());
        assertEquals(T.plusSeconds(30), attempts.get(1).nextAttemptAt());
        assertNull(attempts.get(2).nextAttemptAt());
        assertEquals(0, deliveries.pendingRetries());
    }

    @Test
    void onlyTheStatusesThePolicyNamesAreRetried() {
        clock.freeze();
        var policy = new RetryPolicy(List.of(Duration.ofSeconds(1)), Set.of(429), false, false);
        receiver.answering(n -> n == 1 ? 429 : 500);
        deliveries.send(message(receiver.url("/s"), policy));
        assertTrue(deliveries.awaitIdle(WAIT));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(deliveries.awaitIdle(WAIT));
        deliveries.send(message(receiver.url("/s"), policy));
        assertTrue(deliveries.awaitIdle(WAIT));
        clock.advance(Duration.ofDays(1));
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(List.of(429, 500, 500), deliveries.attempts().stream().map(DeliveryAttempt::status).toList());
        assertEquals(List.of(1, 2, 1), deliveries.attempts().stream().map(DeliveryAttempt::attempt).toList());
    }

    @Test
    void aConnectionFailureIsRecordedAndRetriedWhenThePolicySaysSo() throws Exception {
        clock.freeze();
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        deliveries.send(message("http://127.0.0.1:" + closedPort + "/gone", new RetryPolicy(List.of(Duration.ofSeconds(5)), Set.of(), false, true)));
        assertTrue(deliveries.awaitIdle(WAIT));
        clock.advance(Duration.ofSeconds(5));
        assertTrue(deliveries.awaitIdle(WAIT));
        var attempts = deliveries.attempts();
        assertEquals(2, attempts.size());
        assertNull(attempts.get(0).status());
        assertTrue(attempts.get(0).error().startsWith("ConnectException"), attempts.get(0).error());
    }

    @Test
    void whileTheClockRunsARetryIsSentWhenItsTimeComes() throws Exception {
        receiver.answering(n -> n == 1 ? 500 : 204);
        deliveries.send(message(receiver.url("/t"), new RetryPolicy(List.of(Duration.ofMillis(50)), Set.of(), true, false)));
        assertTrue(receiver.awaitCount(2, WAIT), "the timer sent the retry");
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(DeliveryAttempt.DELIVERED, deliveries.attempts().get(1).outcome());
    }

    @Test
    void aResetForgetsAttemptsAndDropsRetries() {
        clock.freeze();
        receiver.answering(500);
        deliveries.send(message(receiver.url("/x"), new RetryPolicy(List.of(Duration.ofSeconds(1)), Set.of(), true, false)));
        assertTrue(deliveries.awaitIdle(WAIT));
        deliveries.reset();
        clock.advance(Duration.ofMinutes(1));
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(1, receiver.received().size());
        assertEquals(List.of(), deliveries.attempts());
        assertEquals(0, deliveries.pendingRetries());
    }

    @Test
    void messagesToOneUrlArriveInTheOrderTheyWereSent() {
        clock.freeze();
        for (int i = 0; i < 20; i++) {
            int n = i;
            deliveries.send(new Outgoing("test", "ping", receiver.url("/o"), "{\"n\":" + n + "}", null, null, null));
        }
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(java.util.stream.IntStream.range(0, 20).boxed().toList(),
                receiver.received().stream().map(r -> r.json().path("n").asInt()).toList());
    }

    @Test
    void anInjectedDuplicateArrivesTwiceWithOneIdentifier() {
        clock.freeze();
        DeliveryFault fault = deliveries.addFault(new DeliveryFault(null, DeliveryFault.Kind.DUPLICATE, receiver.url("/d"), null, 1));
        assertEquals("wf-1", fault.id());
        String id = deliveries.send(message(receiver.url("/d"), RetryPolicy.NONE));
        assertTrue(deliveries.awaitIdle(WAIT));
        deliveries.send(message(receiver.url("/d"), RetryPolicy.NONE)); // times: 1 — the next one is sent once
        deliveries.send(message(receiver.url("/other"), RetryPolicy.NONE));
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(4, receiver.received().size());
        assertEquals(List.of(id, id), deliveries.attempts().subList(0, 2).stream().map(DeliveryAttempt::deliveryId).toList());
        assertEquals(List.of(1, 1), deliveries.attempts().subList(0, 2).stream().map(DeliveryAttempt::attempt).toList());
        assertEquals(List.of(), deliveries.faults(), "used up");
    }

    @Test
    void anInjectedDelayWaitsForTheClock() {
        clock.freeze();
        deliveries.addFault(DeliveryFault.delay(60));
        deliveries.send(message(receiver.url("/late"), RetryPolicy.NONE));
        assertTrue(deliveries.awaitIdle(WAIT), "a delayed delivery waits for the clock, not in flight");
        assertEquals(1, deliveries.pendingRetries());
        clock.advance(Duration.ofSeconds(59));
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(0, receiver.received().size());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(List.of("/late"), receiver.received().stream().map(WebhookReceiver.Received::path).toList());
        assertEquals(DeliveryFault.Kind.DELAY, deliveries.faults().get(0).kind(), "without times it stays in force");
        deliveries.clearFaults();
        assertEquals(List.of(), deliveries.faults());
    }

    @Test
    void anInjectedReorderSendsHeldDeliveriesNewestFirstWhenTheClockMoves() {
        clock.freeze();
        deliveries.addFault(new DeliveryFault(null, DeliveryFault.Kind.REORDER, null, null, 3));
        for (int i = 1; i <= 3; i++) {
            deliveries.send(new Outgoing("test", "ping", receiver.url("/o"), "{\"n\":" + i + "}", null, null, null));
        }
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(0, receiver.received().size(), "held until the clock moves");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(deliveries.awaitIdle(WAIT));
        assertEquals(List.of(3, 2, 1), receiver.received().stream().map(r -> r.json().path("n").asInt()).toList());
    }

    @Test
    void badFaultsAreRefusedWithReasons() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DeliveryFault(null, DeliveryFault.Kind.DELAY, null, null, null));
        assertEquals("a delay needs 'seconds' from 1 to 31536000.", e.getMessage());
        assertEquals("'seconds' is only for a delay.", org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DeliveryFault(null, DeliveryFault.Kind.DUPLICATE, null, 5L, null)).getMessage());
        assertEquals("'times' must be 1 or more.", org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DeliveryFault(null, DeliveryFault.Kind.REORDER, null, null, 0)).getMessage());
    }

    @Test
    void signaturesAreTheStandardOnes() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signatures.hmacSha256Hex("Jefe", "what do ya want for nothing?"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Signatures.sha256Hex(""));
        String jwt = Signatures.hs256Jwt(Map.of("iat", 1), "secret");
        assertEquals(1, dev.jirasim.simulator.support.Webhooks.verifiedClaims(jwt, "secret").path("iat").asInt());
    }
}
