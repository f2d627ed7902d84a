package dev.jirasim.simulator.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Redact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's outgoing webhooks: every attempt recorded, sent off the request thread by the server's
 * {@link WebhookSender}, retried as each message's {@link RetryPolicy} says once the tenant's simulated clock reaches
 * the retry's time (moving the clock sends the retries that fell due; while it runs, a timer does).
 * <p>
 * A message is {@linkplain #submit submitted} while the request that caused it runs and counts as in flight from
 * then on, though it leaves only when {@linkplain Ticket#release released} (the request kept its change) or is
 * dropped when {@linkplain Ticket#cancel cancelled}. So {@link #awaitIdle} after the request's answer never misses
 * it. Retries waiting for the clock are not in flight.
 */
public final class Deliveries {
    /** Bounded, like the request journal, so a long-running server does not grow. */
    public static final int CAPACITY = 10_000;
    private final SimClock clock;
    private final WebhookSender sender;
    private final Object lock = new Object();
    private final ArrayDeque<DeliveryAttempt> log = new ArrayDeque<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::at).thenComparingLong(Due::order));
    private long seq;
    private long nextId;
    private long order;
    private int inFlight;
    /** Bumped by {@link #reset}: what was under way before no longer records or retries. */
    private long generation;
    /** The instant the timer is set for (null: not set). */
    private Instant armedFor;
    /** Injected failures of the sending side, in the order they were added; the first that matches applies. */
    private final List<DeliveryFault> faults = new ArrayList<>();
    private long nextFaultId;
    /** Deliveries a REORDER fault holds until the clock next moves, oldest first. */
    private final ArrayDeque<Delivery> held = new ArrayDeque<>();

    public Deliveries(SimClock clock, WebhookSender sender) {
        this.clock = clock;
        this.sender = sender;
        clock.onMove(this::clockMoved);
    }

    /** A submitted message: {@link #release} sends it, {@link #cancel} drops it; only the first call counts. */
    public final class Ticket {
        private final Delivery delivery;
        private final AtomicBoolean settled = new AtomicBoolean();

        private Ticket(Delivery delivery) {
            this.delivery = delivery;
        }

        /** The delivery's id, the same on every attempt (Jira sends it as {@code X-Atlassian-Webhook-Identifier}). */
        public String id() {
            return delivery.id;
        }

        public void release() {
            if (settled.compareAndSet(false, true)) first(delivery);
        }

        public void cancel() {
            if (settled.compareAndSet(false, true)) finished();
        }
    }

    /** {@code over} makes sure what follows ({@link Outgoing#then}) leaves once, even when a duplicate was sent too. */
    private record Delivery(String id, Outgoing out, Object payload, long generation, AtomicBoolean over) {
        Delivery(String id, Outgoing out, Object payload, long generation) {
            this(id, out, payload, generation, new AtomicBoolean());
        }
    }

    private record Due(Instant at, long order, Delivery delivery, int attempt) {
    }

    /** Takes a message in: in flight from now on, sent once the ticket is released. */
    public Ticket submit(Outgoing out) {
        Object payload = parsed(out.body());
        synchronized (lock) {
            inFlight++;
            return new Ticket(new Delivery(Long.toString(++nextId), out, payload, generation));
        }
    }

    /** Submits and releases at once (a message no request's outcome can take back). */
    public String send(Outgoing out) {
        Ticket t = submit(out);
        t.release();
        return t.id();
    }

    /** The first attempt, as the first matching fault (if any) bends it. */
    private void first(Delivery d) {
        DeliveryFault fault;
        synchronized (lock) {
            fault = takeFault(d.out().url());
            if (fault != null) {
                switch (fault.kind()) {
                    case DUPLICATE -> inFlight++;   // the copy is in flight too
                    case DELAY -> {
                        due.add(new Due(clock.now().plusSeconds(fault.seconds()), ++order, d, 1));
                        inFlight--;   // waits for the clock, as a retry does
                        lock.notifyAll();
                    }
                    case REORDER -> {
                        held.addLast(d);
                        inFlight--;
                        lock.notifyAll();
                    }
                    default -> throw new IllegalStateException("unknown fault " + fault.kind());
                }
            }
        }
        if (fault == null) {
            send(d, 1);
        } else if (fault.kind() == DeliveryFault.Kind.DUPLICATE) {
            log().info("webhook {} #{}: sent twice (injected duplicate)", d.out().event(), d.id());
            send(d, 1);
            send(d, 1);
        } else if (fault.kind() == DeliveryFault.Kind.DELAY) {
            arm();
        }
    }

    /** The first fault that matches, used up once (caller holds the lock). */
    private DeliveryFault takeFault(String url) {
        for (int i = 0; i < faults.size(); i++) {
            DeliveryFault f = faults.get(i);
            if (!f.matches(url)) continue;
            if (f.times() != null && f.times() == 1) faults.remove(i);
            else faults.set(i, f.used());
            return f;
        }
        return null;
    }

    /** Adds a fault for deliveries from now on; returns it with its id. */
    public DeliveryFault addFault(DeliveryFault fault) {
        synchronized (lock) {
            DeliveryFault added = fault.withId("wf-" + (++nextFaultId));
            faults.add(added);
            return added;
        }
    }

    /** The faults still in force, with what is left of their {@code times}. */
    public List<DeliveryFault> faults() {
        synchronized (lock) {
            return List.copyOf(faults);
        }
    }

    /** Removes every fault; deliveries already held or delayed are still sent when the clock moves. */
    public void clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
    }

    private void send(Delivery d, int attempt) {
        if (!sender.enqueue(d.out().url(), () -> attempt(d, attempt))) finished();
    }

    private void attempt(Delivery d, int n) {
        Instant at = clock.now();
        Map<String, String> headers = d.out().headers().of(d.id(), n, at);
        WebhookSender.Answer answer = sender.post(d.out().url(), d.out().body(), headers, d.out().timeout());
        RetryPolicy retry = d.out().retry();
        boolean delivered = answer.status() != null && answer.status() >= 200 && answer.status() < 300;
        boolean again = !delivered && n < retry.maxAttempts() && retry.retries(answer.status());
        Instant next = again ? clock.now().plus(retry.delays().get(n - 1)) : null;
        String outcome = delivered ? DeliveryAttempt.DELIVERED : again ? DeliveryAttempt.RETRYING : DeliveryAttempt.FAILED;
        log().info("webhook {} {} #{} attempt {} -> {} {}", d.out().source(), d.out().event(), d.id(), n,
                answer.status() != null ? answer.status() : answer.error(), outcome);
        synchronized (lock) {
            if (d.generation() == generation) {
                if (log.size() == CAPACITY) log.removeFirst();
                log.addLast(new DeliveryAttempt(++seq, d.id(), n, d.out().source(), d.out().event(), d.out().url(), masked(headers),
                        d.payload(), at, answer.status(), answer.error(), answer.durationMs(), outcome, next));
                if (again) due.add(new Due(next, ++order, d, n + 1));
            }
        }
        if (!again && d.out().then() != null && d.over().compareAndSet(false, true)) {
            boolean current;
            synchronized (lock) {
                current = d.generation() == generation;
            }
            // Submitted before this attempt counts as finished, so awaitIdle never sees a gap between the two.
            if (current) send(d.out().then());
        }
        finished();
        if (again) arm();
    }

    private void finished() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    /** Sends every retry whose time the clock has reached. Runs whenever the clock moves. */
    public void runDue() {
        var ready = new ArrayList<Due>();
        synchronized (lock) {
            Instant now = clock.now();
            while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
                ready.add(due.poll());
                inFlight++;
            }
        }
        for (Due d : ready) send(d.delivery(), d.attempt());
        arm();
    }

    /** The clock was set or advanced: what a REORDER fault held goes out, newest first, then the due retries. */
    private void clockMoved() {
        var reordered = new ArrayList<Delivery>();
        synchronized (lock) {
            while (!held.isEmpty()) {
                reordered.add(held.pollLast());
                inFlight++;
            }
        }
        for (Delivery d : reordered) send(d, 1);
        runDue();
    }

    /**
     * While the clock runs, sets the timer for the next retry (real time and simulated time pass alike then); a
     * frozen clock waits to be moved.
     */
    private void arm() {
        Instant at;
        synchronized (lock) {
            Due next = due.peek();
            // A timer already set for this retry or an earlier one will do (it re-arms for the rest when it fires).
            if (next == null || clock.frozen() || (armedFor != null && !armedFor.isAfter(next.at()))) return;
            at = next.at();
            armedFor = at;
        }
        sender.later(Duration.between(clock.now(), at), () -> {
            synchronized (lock) {
                if (at.equals(armedFor)) armedFor = null;
            }
            runDue();
        });
    }

    /**
     * Waits until nothing is in flight (submitted and not yet settled, or being sent), at most {@code timeout};
     * true when that happened, false when time ran out. Retries waiting for the clock do not count.
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Every attempt so far, oldest first (the newest {@link #CAPACITY}). */
    public List<DeliveryAttempt> attempts() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    /** How many retries (and delayed or held first attempts) wait for the clock. */
    public int pendingRetries() {
        synchronized (lock) {
            return due.size() + held.size();
        }
    }

    /** Forgets the attempts so far; retries still due are still sent. */
    public void clear() {
        synchronized (lock) {
            log.clear();
        }
    }

    /** Forgets the attempts, drops every retry and held delivery, and clears the faults: what is being sent finishes, unrecorded. */
    public void reset() {
        synchronized (lock) {
            generation++;
            log.clear();
            due.clear();
            held.clear();
            faults.clear();
        }
    }

    private static Map<String, String> masked(Map<String, String> headers) {
        var out = new LinkedHashMap<String, String>();
        headers.forEach((k, v) -> out.put(k, Redact.header(k, v)));
        return out;
    }

    /** The body as JSON values for the list, or as text when it is not JSON. */
    private static Object parsed(String body) {
        try {
            return Json.MAPPER.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    /** Looked up when used, not held in a field: creating a tenant must not wait for logging to be configured. */
    private static Logger log() {
        return LoggerFactory.getLogger("jirasim.webhooks");
    }
}
