package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Creates and searches at once in one world. This once deadlocked: a create held the issue store while
 * waiting for the search index, and a search held the index while resolving a project in the store.
 */
@ExtendWith(SimulatorExtension.class)
class ConcurrentWritesHttpTest {

    @Test
    void parallelCreatesAndSearchesFinishWithUniqueKeys(JirasimServer sim) throws Exception {
        Jira alice = Jira.alice(sim);
        int writers = 6;
        int perWriter = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers * 2);
        var start = new CountDownLatch(1);
        var keys = new ConcurrentLinkedQueue<String>();
        var work = new ArrayList<CompletableFuture<Void>>();
        try {
            for (int w = 0; w < writers; w++) {
                work.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < perWriter; i++) {
                        keys.add(alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("project", Map.of("key", "OPS"),
                                "summary", "concurrent", "issuetype", Map.of("name", "Task")))).post("/issue")
                                .then().statusCode(201).extract().path("key"));
                    }
                }, pool));
                work.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < perWriter; i++) {
                        alice.acme(3).queryParam("jql", "project = OPS AND summary ~ concurrent").get("/search/jql").then().statusCode(200);
                    }
                }, pool));
            }
            start.countDown();
            // A deadlock fails here instead of hanging the build.
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers * perWriter, new HashSet<>(keys).size());
        List<String> found = alice.acme(3).queryParam("jql", "project = OPS AND summary ~ concurrent").queryParam("maxResults", 100)
                .get("/search/jql").then().statusCode(200).extract().path("issues.key");
        assertEquals(new HashSet<>(keys), new HashSet<>(found));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
