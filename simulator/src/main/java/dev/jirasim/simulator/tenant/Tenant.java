package dev.jirasim.simulator.tenant;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.faults.Faults;
import dev.jirasim.simulator.faults.RateLimiter;
import dev.jirasim.simulator.journal.Journal;
import dev.jirasim.simulator.webhooks.Deliveries;
import dev.jirasim.simulator.webhooks.WebhookSender;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldFile;
import java.util.Optional;

/**
 * One isolated world with its clock, journal, faults and in-flight consent pages. Replacing the world is a
 * single reference swap, done only after the new world validated, so a rejected world file changes nothing.
 * Faults are not part of the world: replacing the world keeps them; the Jira rate limiter follows the
 * world's settings and starts with full buckets whenever the world is replaced or reset. Outgoing webhooks
 * ({@link #webhooks()}) are not part of the world either: replacing the world keeps their record; a reset clears it.
 */
public final class Tenant {
    /**
     * What the server attaches to each world a tenant builds, before anyone else sees it (the services that hear
     * of its changes, such as Jira's webhook events). The tenant package cannot name those services; the server can.
     */
    @FunctionalInterface
    public interface Wiring {
        Wiring NONE = (tenant, world) -> { };

        void wire(Tenant tenant, World world);
    }

    private final String id;
    private final String baseUrl;
    private final SimClock clock = new SimClock();
    private final Journal journal = new Journal();
    private final PendingAuthorizations pending = new PendingAuthorizations();
    private final Faults faults = new Faults(clock);
    private final Deliveries webhooks;
    private final Wiring wiring;
    private final WorldFile seed;
    private volatile World world;
    private volatile Optional<RateLimiter> jiraRateLimiter;

    /**
     * {@code baseUrl} is where the tenant is served; {@code sender} sends its webhooks (one per server); {@code wiring}
     * is applied to every world it builds.
     */
    public Tenant(String id, String baseUrl, WorldFile seed, WebhookSender sender, Wiring wiring) {
        this.id = id;
        this.baseUrl = baseUrl;
        this.seed = seed;
        this.webhooks = new Deliveries(clock, sender);
        this.wiring = wiring;
        this.world = build(seed);
        this.jiraRateLimiter = limiterFor(world);
    }

    private World build(WorldFile file) {
        World w = World.of(file, clock);
        wiring.wire(this, w);
        return w;
    }

    private Optional<RateLimiter> limiterFor(World w) {
        return w.jiraSettings().rateLimitIfOn().map(limit -> new RateLimiter(limit, clock));
    }

    public String id() {
        return id;
    }

    /** The base URL this tenant's hosts are served under. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The webhooks this tenant sent and is sending: every attempt, retries on this tenant's clock. */
    public Deliveries webhooks() {
        return webhooks;
    }

    public World world() {
        return world;
    }

    public SimClock clock() {
        return clock;
    }

    public Journal journal() {
        return journal;
    }

    public PendingAuthorizations pending() {
        return pending;
    }

    public Faults faults() {
        return faults;
    }

    /** The limiter for Jira REST routes, when the world's {@code jira.rateLimit} is set. */
    public Optional<RateLimiter> jiraRateLimiter() {
        return jiraRateLimiter;
    }

    /** Replaces the world; throws (changing nothing) if the file is not a valid world. */
    public synchronized void replace(WorldFile file) {
        World next = build(file);
        pending.clear();
        world = next;
        jiraRateLimiter = limiterFor(next);
    }

    /** Back to the seed world, a running clock, an empty journal and no faults. */
    public synchronized void reset() {
        clock.reset();
        journal.clear();
        pending.clear();
        faults.reset();
        webhooks.reset();
        world = build(seed);
        jiraRateLimiter = limiterFor(world);
    }
}
