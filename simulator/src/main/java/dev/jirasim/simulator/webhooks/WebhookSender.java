package dev.jirasim.simulator.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;

/**
 * The wire under every tenant's {@link Deliveries}, one per server: the JDK HTTP client, daemon threads that send,
 * and a timer for retries that fall due while the simulated clock runs. Sends to one URL go one at a time, in the
 * order they were queued, so a receiver sees a tenant's events in the order they happened (retries aside) and a
 * slow receiver holds up only itself.
 */
public final class WebhookSender implements AutoCloseable {
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    // HTTP/1.1: for a plain-http URL the JDK client would otherwise offer an h2c upgrade receivers rarely take.
    // Built with the first delivery, not with the server: a cold start should not pay for TLS set-up it may never use.
    private final dev.jirasim.simulator.common.Lazy<HttpClient> client = dev.jirasim.simulator.common.Lazy.of(() -> HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build());
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("jirasim-webhook"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("jirasim-webhook-timer"));
    /** Per URL, what waits to be sent after the send in progress; a URL is absent when nothing is in progress. */
    private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>();

    /** What the receiver answered, or why there was no answer ({@code status} null). */
    public record Answer(Integer status, String error, long durationMs) {
    }

    /**
     * Runs {@code task} after every task queued before it for {@code url}, on a sending thread; false (and nothing
     * runs) once the sender is closed.
     */
    boolean enqueue(String url, Runnable task) {
        synchronized (lanes) {
            ArrayDeque<Runnable> lane = lanes.get(url);
            if (lane != null) {
                lane.addLast(task);
                return true;
            }
            lanes.put(url, new ArrayDeque<>());
        }
        try {
            workers.execute(() -> drain(url, task));
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (lanes) {
                lanes.remove(url);
            }
            return false;
        }
    }

    private void drain(String url, Runnable first) {
        Runnable next = first;
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                // Looked up here, not held in a field: creating a tenant must not wait for logging to be configured.
                org.slf4j.LoggerFactory.getLogger(WebhookSender.class).error("A webhook send failed unexpectedly", e);
            }
            synchronized (lanes) {
                ArrayDeque<Runnable> lane = lanes.get(url);
                next = lane.pollFirst();
                if (next == null) lanes.remove(url);
            }
        }
    }

    /** Runs {@code task} after {@code delay} of real time (a retry due while the simulated clock runs). */
    void later(Duration delay, Runnable task) {
        if (!timer.isShutdown()) timer.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** POSTs {@code body} to {@code url}; never throws for what the receiver does (or fails to do). */
    Answer post(String url, String body, Map<String, String> headers, Duration timeout) {
        long start = System.nanoTime();
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach((name, value) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) request.header(name, value);
            });
            HttpResponse<Void> response = client.get().send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), null, millisSince(start));
        } catch (HttpTimeoutException e) {
            return new Answer(null, "timeout: no answer within " + timeout.toMillis() + " ms", millisSince(start));
        } catch (IOException | IllegalArgumentException e) {
            // The JDK's ConnectException has no message: its type is the message.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Answer(null, why, millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted", millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static ThreadFactory daemon(String name) {
        var n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops sending: queued attempts are dropped, attempts in progress are interrupted. */
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
