package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Parallel tests on one shared server: isolated with a world per method, and visibly not without one. */
class IsolationTest {

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .selectors(selectClass(fixture))
                .execute().testEvents();
    }

    @Test
    void concurrentTestsEachSeeOnlyTheirOwnWorld() {
        IsolationFixture.TENANTS.clear();
        Events stats = run(IsolationFixture.PerMethod.class);
        assertEquals(IsolationFixture.REPETITIONS, stats.succeeded().count(), () -> "failures: " + stats.failed().count());
        assertEquals(IsolationFixture.REPETITIONS, IsolationFixture.TENANTS.size());
    }

    /** The same tests sharing one world fail: proof that the fixture would notice a leak. */
    @Test
    void theSameTestsFailWhenTheyShareAWorld() {
        Events stats = run(IsolationFixture.SharedWorld.class);
        assertTrue(stats.failed().count() >= IsolationFixture.REPETITIONS - 1, () -> "only " + stats.failed().count() + " failed");
    }
}
