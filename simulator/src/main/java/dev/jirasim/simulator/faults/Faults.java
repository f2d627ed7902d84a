package dev.jirasim.simulator.faults;

import dev.jirasim.simulator.clock.SimClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One tenant's installed faults. A request meets the rules in the order they were added; the first one that
 * matches its method and path, and is not spent, decides what happens to it. Rate limits count on the
 * tenant's clock. Faults are not part of the world: replacing the world keeps them, a reset clears them.
 */
public final class Faults {
    private final SimClock clock;
    private final List<Installed> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong();

    public Faults(SimClock clock) {
        this.clock = clock;
    }

    /** Installs rules (all or, if one is invalid, none: rules validate when built) and returns them with ids. */
    public synchronized List<Fault> add(List<FaultRule> added) {
        var installed = new ArrayList<Installed>();
        for (FaultRule rule : added) installed.add(new Installed("fault-" + nextId.incrementAndGet(), rule, clock));
        rules.addAll(installed);
        return installed.stream().map(Installed::view).toList();
    }

    public List<Fault> list() {
        return rules.stream().map(Installed::view).toList();
    }

    public Optional<Fault> get(String id) {
        return rules.stream().filter(r -> r.id.equals(id)).findFirst().map(Installed::view);
    }

    /** Removes one rule; false if there is none with this id. */
    public boolean remove(String id) {
        return rules.removeIf(r -> r.id.equals(id));
    }

    /** Removes every rule. Ids keep counting, so an id never names two rules. */
    public synchronized void clear() {
        rules.clear();
    }

    /** Removes every rule and numbers from {@code fault-1} again (a tenant reset). */
    public synchronized void reset() {
        rules.clear();
        nextId.set(0);
    }

    /**
     * What the faults do to a request, if any rule applies; applying it counts (a {@code times} rule spends
     * one use, a rate limit takes a token). Empty when no rule matches, so the request goes on untouched.
     */
    public Optional<FaultOutcome> apply(String method, String path) {
        if (rules.isEmpty()) return Optional.empty();
        for (Installed rule : rules) {
            if (!rule.matches(method, path) || !rule.use()) continue;
            return Optional.of(rule.outcome());
        }
        return Optional.empty();
    }

    private static final class Installed {
        private static final String BUCKET = "rule";
        private final String id;
        private final FaultRule rule;
        private final PathGlob glob;
        private final AtomicInteger remaining;
        private final AtomicLong hits = new AtomicLong();
        private final RateLimiter limiter;

        Installed(String id, FaultRule rule, SimClock clock) {
            this.id = id;
            this.rule = rule;
            this.glob = PathGlob.of(rule.path());
            this.remaining = rule.times() == null ? null : new AtomicInteger(rule.times());
            this.limiter = rule.rateLimit() == null ? null : new RateLimiter(rule.rateLimit(), clock);
        }

        boolean matches(String method, String path) {
            return (rule.method() == null || rule.method().equalsIgnoreCase(method)) && glob.matches(path);
        }

        /** Takes one use of a {@code times} rule; false once it is spent. */
        boolean use() {
            if (remaining != null && remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) == 0) return false;
            hits.incrementAndGet();
            return true;
        }

        FaultOutcome outcome() {
            long delay = rule.delayMs() == null ? 0 : rule.delayMs();
            if (limiter == null) return new FaultOutcome(id, delay, rule.status(), rule.body(), rule.headers());
            RateLimiter.Decision decision = limiter.tryAcquire(BUCKET);
            var headers = new LinkedHashMap<>(decision.headers());
            if (decision.allowed()) return new FaultOutcome(id, delay, null, null, headers);
            if (rule.headers() != null) headers.putAll(rule.headers());
            return new FaultOutcome(id, delay, 429, rule.body(), headers);
        }

        Fault view() {
            return new Fault(id, rule, remaining == null ? null : remaining.get(), hits.get());
        }
    }
}
