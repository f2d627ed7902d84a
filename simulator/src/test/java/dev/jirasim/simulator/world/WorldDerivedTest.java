package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jirasim.simulator.clock.SimClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldDerivedTest {
    private final World world = World.of(WorldFiles.defaultWorld("http://localhost:8484"), new SimClock());

    @Test
    void aKeyBuildsItsValueOnce() {
        World.Derived<List<String>> key = World.Derived.named("list");
        List<String> first = world.derived(key, ArrayList::new);
        assertSame(first, world.derived(key, () -> List.of("never built")));
    }

    @Test
    void keysWithTheSameNameDoNotCollide() {
        World.Derived<String> one = World.Derived.named("same");
        World.Derived<String> other = World.Derived.named("same");
        assertNotEquals(one, other);
        world.derived(one, () -> "one");
        assertEquals("other", world.derived(other, () -> "other"));
    }

    @Test
    void aPerSiteKeyIsOneValuePerSite() {
        World.Derived<String> key = World.Derived.named("index");
        assertEquals(key.of("acme"), key.of("acme"));
        assertEquals(key.of("acme").hashCode(), key.of("acme").hashCode());
        assertEquals("acme", world.derived(key.of("acme"), () -> "acme"));
        assertEquals("acme", world.derived(key.of("acme"), () -> "again"));
        assertEquals("globex", world.derived(key.of("globex"), () -> "globex"));
        assertNotEquals(key.of("acme"), World.Derived.<String>named("index").of("acme"));
    }
}
