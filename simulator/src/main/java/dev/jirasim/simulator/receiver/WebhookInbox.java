package dev.jirasim.simulator.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A webhook receiver of one test (or one conformance scenario): {@link #url()} is a loopback URL that records every
 * request sent to it (a Jira dynamic webhook's, a Nango environment's webhook URL, anything) and answers with
 * {@link #respondWith(int) a status of the test's choosing}. Each inbox has its own path on the shared
 * {@link WebhookReceiver}, so parallel tests never see each other's deliveries.
 * Waiting is bounded and wakes on arrival: no polling, no sleeps.
 * <pre>{@code
 * WebhookInbox inbox = sim.webhooks();
 * // register inbox.url() with Jira or Nango, make something happen, then:
 * WebhookInbox.Received event = inbox.await(r -> r.json().path("webhookEvent").asText().equals("jira:issue_created"));
 * }</pre>
 */
public final class WebhookInbox {
    /** How long {@link #await(Predicate)} waits when no timeout is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Made at first use, not while the routes are assembled on the way to a cold start's first answer (a lambda: a
     * constructor reference would link ObjectMapper when this class is initialized).
     */
    private static final dev.jirasim.simulator.common.Lazy<ObjectMapper> JSON = dev.jirasim.simulator.common.Lazy.of(() -> new ObjectMapper());

    private final String url;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Received> received = new ArrayList<>();
    private volatile int status = 200;

    WebhookInbox(String url) {
        this.url = url;
    }

    /** One request that reached the inbox: method, path and query, headers (names in lower case), body. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The body as JSON (a missing node when it is empty). */
        public JsonNode json() {
            if (body.isEmpty()) return JSON.get().missingNode();
            try {
                return JSON.get().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("the webhook body is not JSON: " + body, e);
            }
        }
    }

    /** Where to send webhooks for this test. */
    public String url() {
        return url;
    }

    /** Answer later requests with this status (200 by default): 500 to see retries, 400 to see none. */
    public WebhookInbox respondWith(int status) {
        if (status < 200 || status > 599) throw new IllegalArgumentException("not an HTTP status: " + status);
        this.status = status;
        return this;
    }

    int status() {
        return status;
    }

    void record(Received request) {
        lock.lock();
        try {
            received.add(request);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Everything received so far, in arrival order. */
    public List<Received> received() {
        lock.lock();
        try {
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    /** The requests received so far that match. */
    public List<Received> received(Predicate<Received> match) {
        return received().stream().filter(match).toList();
    }

    /** Forgets what was received. */
    public void clear() {
        lock.lock();
        try {
            received.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The first request that matches, waiting up to {@link #DEFAULT_TIMEOUT} for it. */
    public Received await(Predicate<Received> match) {
        return await(match, DEFAULT_TIMEOUT);
    }

    /** The first request that matches, waiting up to {@code timeout}; an {@link AssertionError} naming what came instead. */
    public Received await(Predicate<Received> match, Duration timeout) {
        return awaitCount(match, 1, timeout).get(0);
    }

    /** The first {@code count} requests that match, waiting up to {@code timeout} for them. */
    public List<Received> awaitCount(Predicate<Received> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<Received> hits = received.stream().filter(match).toList();
                if (hits.size() >= count) return hits.subList(0, count);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching webhook request(s) at " + url + " within " + timeout
                            + ", got " + hits.size() + " of " + received.size() + " received: " + summary());
                }
                arrived.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a webhook at " + url, e);
        } finally {
            lock.unlock();
        }
    }

    /** A request and its place in arrival order (0 for the first). */
    public record Match(int index, Received received) {
    }

    /**
     * The first request, in arrival order, for which {@code match} holds given its place, waiting up to
     * {@code timeout}: for callers that take requests one by one (the conformance suite's steps) and must tell
     * identical ones (a retry, a duplicate delivery) apart by position. An {@link AssertionError} when none arrives.
     */
    public Match awaitMatch(Predicate<Match> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int checked = 0;
            while (true) {
                for (; checked < received.size(); checked++) {
                    var candidate = new Match(checked, received.get(checked));
                    if (match.test(candidate)) return candidate;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no matching webhook request at " + url + " within " + timeout);
                arrived.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a webhook at " + url, e);
        } finally {
            lock.unlock();
        }
    }

    private String summary() {
        var lines = new ArrayList<String>();
        for (Received r : received) lines.add(r.method() + " " + r.path() + " " + (r.body().length() > 200 ? r.body().substring(0, 200) + "…" : r.body()));
        return lines.isEmpty() ? "nothing" : String.join("\n  ", lines);
    }
}
