package dev.jirasim.simulator;

import dev.jirasim.simulator.atlassian.auth.PendingAuthorizations;
import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.journal.Journal;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldFile;

/**
 * One isolated world with its clock, journal and in-flight consent pages. Replacing the world is a single
 * reference swap, done only after the new world validated, so a rejected world file changes nothing.
 */
public final class Tenant {
    private final String id;
    private final SimClock clock = new SimClock();
    private final Journal journal = new Journal();
    private final PendingAuthorizations pending = new PendingAuthorizations();
    private final WorldFile seed;
    private volatile World world;

    public Tenant(String id, WorldFile seed) {
        this.id = id;
        this.seed = seed;
        this.world = World.of(seed, clock);
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

    /** Replaces the world; throws (changing nothing) if the file is not a valid world. */
    public void replace(WorldFile file) {
        World next = World.of(file, clock);
        pending.clear();
        world = next;
    }

    /** Back to the seed world, a running clock and an empty journal. */
    public synchronized void reset() {
        clock.reset();
        journal.clear();
        pending.clear();
        world = World.of(seed, clock);
    }
}
