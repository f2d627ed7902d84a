package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Run by {@link IsolationTest} through the test kit, never by Surefire directly (the name does not match).
 * Each repetition creates its own issues and expects to find exactly those: true only if worlds do not leak.
 */
@Execution(ExecutionMode.CONCURRENT)
abstract class IsolationFixture {
    static final Set<String> TENANTS = ConcurrentHashMap.newKeySet();
    static final int REPETITIONS = 40;

    @RepeatedTest(REPETITIONS)
    void findsOnlyItsOwnIssues(JirasimHandle sim, RepetitionInfo info) {
        TENANTS.add(sim.tenantId());
        String token = sim.tokens("alice@acme.test", "acme").accessToken();
        String marker = "marker" + info.getCurrentRepetition();
        String first = Http.createIssue(sim, token, "OPS", "isolation " + marker);
        String second = Http.createIssue(sim, token, "OPS", "isolation " + marker);
        Http.Answer found = Http.get(sim.jiraUrl("acme") + "/rest/api/3/search/jql?jql=summary%20~%20isolation%20ORDER%20BY%20key", token);
        assertEquals(200, found.status(), found.body());
        var keys = new ArrayList<String>();
        Matcher m = Pattern.compile("\"key\":\"([A-Z]+-[0-9]+)\"").matcher(found.body());
        while (m.find()) keys.add(m.group(1));
        assertEquals(List.of(first, second), keys, found.body());
    }

    @Jirasim
    static class PerMethod extends IsolationFixture {
    }

    @Jirasim(lifecycle = Lifecycle.PER_CLASS)
    static class SharedWorld extends IsolationFixture {
    }
}
