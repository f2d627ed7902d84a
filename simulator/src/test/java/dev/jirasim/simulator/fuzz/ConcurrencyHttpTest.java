package dev.jirasim.simulator.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.RefreshToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many clients at once on one token or one connection: the rules hold, nothing splits, nothing is lost. */
@ExtendWith(SimulatorExtension.class)
class ConcurrencyHttpTest {

    /** Runs {@code n} copies of a task released together by one latch; fails instead of hanging. */
    static <T> List<T> together(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        var go = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            var results = new ArrayList<T>();
            for (Future<T> f : futures) results.add(f.get(60, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyParallelRefreshesOfOneTokenKeepOneFamilyWithOneLiveHead(JirasimServer sim) throws Exception {
        sim.control().setClock(null, true);
        var oauth = new OAuth(sim);
        String refresh = oauth.aliceTokens().path("refresh_token");
        List<Integer> statuses = together(50, () -> oauth.refresh(refresh).statusCode());
        // Inside the 10-minute leeway every retry of the same token is honoured.
        assertEquals(50, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        var grant = sim.control().tokens().grants().stream().filter(g -> g.clientId().equals(OAuth.CLIENT_ID)).findFirst().orElseThrow();
        List<RefreshToken> family = sim.control().tokens().refreshTokens().stream().filter(t -> t.grantId().equals(grant.id())).toList();
        assertEquals(51, family.size(), "the original and one per refresh");
        assertEquals(1, family.stream().map(RefreshToken::familyId).distinct().count(), "no split family");
        List<RefreshToken> live = family.stream().filter(t -> t.rotatedAt() == null && t.revokedAt() == null).toList();
        assertEquals(1, live.size(), "exactly one live head");
        oauth.refresh(live.get(0).token()).then().statusCode(200);
        // Past the leeway, any of the rotated ones is a stolen token: the grant goes.
        sim.control().advanceClock(Duration.ofMinutes(11));
        oauth.refresh(refresh).then().statusCode(403);
        assertTrue(sim.control().tokens().grants().stream().filter(g -> g.id().equals(grant.id())).allMatch(g -> g.revoked()));
    }

    @Test
    void parallelNangoProxyCallsNeedingARefreshShareOne(JirasimServer sim) throws Exception {
        sim.control().setClock(null, true);
        sim.control().advanceClock(Duration.ofMinutes(50));
        sim.control().clearJournal();
        String url = sim.baseUrl() + "/nango/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/myself";
        List<Integer> statuses = together(20, () -> given().header("Authorization", "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c")
                .header("Provider-Config-Key", "jira").header("Connection-Id", "alice-acme").get(url).statusCode());
        assertEquals(20, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        long refreshes = sim.control().journal().stream().filter(e -> e.path().equals("/auth/oauth/token")).count();
        assertEquals(1, refreshes, "one refresh for twenty callers");
    }

    @Test
    void parallelDcIssueCreatesGetUniqueKeys(JirasimServer sim) throws Exception {
        String pat = "NDU2Nzg5MDEyMzQ1Ompkb2UtcGVyc29uYWwtdG9rZW4tMDE";
        String url = sim.baseUrl() + "/dc/dc1/rest/api/2/issue";
        List<String> keys = together(30, () -> given().auth().oauth2(pat).contentType("application/json")
                .body("{\"fields\":{\"project\":{\"key\":\"DCP\"},\"summary\":\"parallel\",\"issuetype\":{\"name\":\"Task\"}}}")
                .post(url).then().statusCode(201).extract().<String>path("key"));
        assertEquals(30, keys.stream().distinct().count(), keys::toString);
        int total = given().auth().oauth2(pat).queryParam("jql", "project = DCP AND summary ~ parallel").get(sim.baseUrl() + "/dc/dc1/rest/api/2/search")
                .then().statusCode(200).extract().path("total");
        assertEquals(30, total, "no lost update");
    }
}
