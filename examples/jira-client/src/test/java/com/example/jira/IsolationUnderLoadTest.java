package com.example.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Thirty copies of one test run at once against the shared server. Each creates three issues and must get
 * exactly OPS-61..63 back: any leak between worlds would shift the keys or add hits.
 */
@Jirasim
class IsolationUnderLoadTest {
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
    private static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

    @RepeatedTest(30)
    void createsAndFindsOnlyItsOwnIssues(JirasimHandle sim, RepetitionInfo info) {
        MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        try {
            PORTS.add(sim.port());
            TinyJira jira = Clients.forUser(sim, "bob@acme.test");
            var acme = jira.site("acme").orElseThrow();
            String marker = "run" + info.getCurrentRepetition();
            for (int i = 0; i < 3; i++) jira.createIssue(acme, "OPS", "load " + marker);
            assertEquals(List.of("OPS-61", "OPS-62", "OPS-63"), jira.searchKeys(acme, "summary ~ load ORDER BY key"));
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    @AfterAll
    static void ranTogetherOnOneServer() {
        assertEquals(1, PORTS.size(), "one shared server");
        assertTrue(MOST_AT_ONCE.get() > 1, "tests overlapped: " + MOST_AT_ONCE.get());
    }
}
