package dev.jirasim.simulator.tenant;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.faults.Faults;
import dev.jirasim.simulator.faults.RateLimiter;
import dev.jirasim.simulator.journal.Journal;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldFile;
import java.util.Optional;

/**
 * One isolated world with its clock, journal, faults and in-flight consent pages. Replacing the world is a
 * single reference swap, done only after the new world validated, so a rejected world file changes nothing.
 * Faults are not part of the world: replacing the world keeps them; the Jira rate limiter follows the
 * world's settings and starts with full buckets whenever the world is replaced or reset.
 */
public final class Tenant {
    private final String id;
    private final SimClock clock = new SimClock();
    private final Journal journal = new Journal();
    private final PendingAuthorizations pending = new PendingAuthorizations();
    private final Faults faults = new Faults(clock);
    private final WorldFile seed;
    private volatile World world;
    private volatile Optional<RateLimiter> jiraRateLimiter;

    public Tenant(String id, WorldFile seed) {
        this.id = id;
        this.seed = seed;
        this.world = World.of(seed, clock);
        this.jiraRateLimiter = limiterFor(world);
    }

    private Optional<RateLimiter> limiterFor(World w) {
        return w.jiraSettings().rateLimitIfOn().map(limit -> new RateLimiter(limit, clock));
    }

    public String id() {
        return id;
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
        World next = World.of(file, clock);
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
        world = World.of(seed, clock);
        jiraRateLimiter = limiterFor(world);
    }
}
