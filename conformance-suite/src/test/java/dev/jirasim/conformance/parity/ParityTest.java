package dev.jirasim.conformance.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.parity.StepRecord.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ParityTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);

    private static StepRecord http(String scenario, String step, Outcome outcome, String failure, String url, int status, String body) {
        return new StepRecord(scenario, step, outcome, failure, new Observation("GET", url, status, Map.of("Content-Type", "application/json"), body, List.of()));
    }

    @Test
    void theStepThatDiffersIsReportedAtItsEndpointAndWhatItStoppedIsOnlyNoted() {
        var a = new Run("sim", List.of(
                http("s1", "token", Outcome.PASSED, null, "${auth}/oauth/token", 200, "{\"access_token\":\"a\"}"),
                http("s1", "me", Outcome.PASSED, null, "${api}/me", 200, "{}")), Map.of(), Map.of());
        var b = new Run("live", List.of(
                http("s1", "token", Outcome.FAILED, "status: expected 200 but was 400", "${auth}/oauth/token", 400, "{\"error\":\"x\"}"),
                new StepRecord("s1", "me", Outcome.SKIPPED, "an earlier step failed: token", null)), Map.of(), Map.of());
        ParityResult r = Parity.compare(a, b, DAY);

        var token = r.endpoints().stream().filter(e -> e.name().equals("GET ${auth}/oauth/token")).findFirst().orElseThrow();
        assertEquals(Set.of("status: 200 → 400", "$.access_token: string → absent", "$.error: absent → string",
                "fails on B: status: expected 200 but was 400"), token.differences().keySet());
        assertEquals(new TreeSet<>(Set.of("s1")), token.differences().get("status: 200 → 400"));
        var me = r.endpoints().stream().filter(e -> e.name().equals("GET ${api}/me")).findFirst().orElseThrow();
        assertTrue(me.differences().isEmpty(), "a step B never ran is no difference of its endpoint");
        assertEquals(List.of(new ParityResult.ScenarioLine("s1", "from step 'me' on, not compared: B did not run it (an earlier step failed: token)")), r.notes());
        assertFalse(r.same());
    }

    @Test
    void aScenarioOneTargetSkipsIsNotedAndAControlStepThatFailsOnOneSideIsADifference() {
        var a = new Run("sim", List.of(new StepRecord("s2", "reset", Outcome.PASSED, null, null)), Map.of("s3", "lacks capability clock"), Map.of());
        var b = new Run("sim2", List.of(new StepRecord("s2", "reset", Outcome.FAILED, "control step reset answered 500", null),
                new StepRecord("s3", "x", Outcome.PASSED, null, null)), Map.of(), Map.of());
        ParityResult r = Parity.compare(a, b, DAY);
        assertEquals(List.of(new ParityResult.ScenarioLine("s2", "step 'reset' fails on B: control step reset answered 500")), r.differences());
        assertEquals(List.of(new ParityResult.ScenarioLine("s3", "not compared: skipped on A: lacks capability clock")), r.notes());
    }

    @Test
    void aScenarioThatFailsBeforeItsStepsOnOneSideIsADifferenceAndAStepMissingWithoutCauseToo() {
        var step = new StepRecord("s4", "token", Outcome.PASSED, null, null);
        var a = new Run("sim", List.of(step, new StepRecord("s5", "me", Outcome.PASSED, null, null)), Map.of(), Map.of());
        var b = new Run("sim2", List.of(), Map.of(), Map.of("s4", "reset answered 500"));
        ParityResult r = Parity.compare(a, b, DAY);
        assertEquals(List.of(new ParityResult.ScenarioLine("s4", "fails on B: reset answered 500"),
                new ParityResult.ScenarioLine("s5", "step 'me' runs on A only")), r.differences());
        assertEquals(List.of(new ParityResult.ScenarioLine("s4", "from step 'token' on, not compared: B did not run it (not reached)")), r.notes());
    }

    @Test
    void theReportsShowOneRowPerEndpointWithWhoWasComparedAndWhen() {
        var step = http("s1", "token", Outcome.PASSED, null, "${auth}/oauth/token", 200, "{}");
        ParityResult r = Parity.compare(new Run("sim", List.of(step), Map.of(), Map.of()), new Run("live", List.of(step), Map.of(), Map.of()), DAY);
        assertTrue(r.same());
        assertTrue(ParityReport.markdown(r).contains("| `GET ${auth}/oauth/token` | s1 | with live on 2026-01-02 | same |"), ParityReport.markdown(r));
        assertTrue(ParityReport.html(r).contains("<td><code>GET ${auth}/oauth/token</code></td><td>s1</td><td>with live on 2026-01-02</td><td>same</td>"));
        assertEquals("Parity of sim (A) and live (B): same — 0 of 1 endpoints differ, 0 other differences, 0 scenarios not fully compared",
                ParityReport.summary(r));
    }
}
