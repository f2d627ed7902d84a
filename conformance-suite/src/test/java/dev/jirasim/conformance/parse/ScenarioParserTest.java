package dev.jirasim.conformance.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.model.Capability;
import dev.jirasim.conformance.model.Capture;
import dev.jirasim.conformance.model.Matcher;
import dev.jirasim.conformance.model.Step;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {
    private static final Path FILE = Path.of("s.yaml");

    private static ParseProblem problem(String yaml) {
        return assertThrows(ParseProblem.class, () -> ScenarioParser.parse(FILE, yaml));
    }

    @Test
    void readsTheValuesAParityRunCompares() throws Exception {
        String step = """
                id: c
                title: C
                steps:
                  - request: {url: "${auth}/oauth/token"}
                    compare: %s
                """;
        var http = (Step.HttpStep) ScenarioParser.parse(FILE, step.formatted("[$.token_type, Cache-Control]")).get(0).steps().get(0);
        assertEquals(java.util.List.of("$.token_type", "Cache-Control"), http.compare());
        assertTrue(problem(step.formatted("[\"$.[\"]")).getMessage().contains("bad JSON path"));
    }

    /** YAML 1.1 spellings SnakeYAML types as numbers but Java cannot parse used to escape as a NumberFormatException. */
    @Test
    void hexadecimalAndInfiniteNumbersInABodyAreKeptAsText() throws Exception {
        var http = (Step.HttpStep) ScenarioParser.parse(FILE, """
                id: n
                title: N
                steps:
                  - request: {url: "${auth}/x", method: POST, json: {hex: 0x1F, inf: .inf, big: 123456789012345678901234567890, n: 1_000}}
                """).get(0).steps().get(0);
        var json = (java.util.Map<?, ?>) http.json();
        assertEquals("0x1F", json.get("hex"));
        assertEquals(".inf", json.get("inf"));
        assertEquals(new java.math.BigInteger("123456789012345678901234567890"), json.get("big"));
        assertEquals(1000L, json.get("n"));
    }

    @Test
    void readsAFullScenario() throws Exception {
        var scenarios = ScenarioParser.parse(FILE, """
                id: a-b
                title: A title
                tags: [x, y]
                requires: consent-automation
                steps:
                  - consent: {mode: auto, user: "${alice}"}
                  - advanceClock: 60
                  - name: Call
                    request:
                      method: post
                      url: ${auth}/oauth/token
                      form: {grant_type: refresh_token}
                    expect:
                      status: [200, 201]
                      headers: {Cache-Control: no-store}
                      json:
                        $.a: {equals: 1, type: integer}
                        $.b: {matches: "^x", size: 3}
                    capture:
                      token: {json: $.access_token}
                      where: {header: Location}
                      code: {redirectQuery: code}
                ---
                id: second
                title: Second
                steps:
                  - reset: {}
                """);
        assertEquals(2, scenarios.size());
        var s = scenarios.get(0);
        assertEquals(Set.of(Capability.CONSENT_AUTOMATION, Capability.CLOCK), s.neededCapabilities());
        var http = (Step.HttpStep) s.steps().get(2);
        assertEquals("POST", http.method());
        assertEquals(Set.of(200, 201), http.expect().statuses());
        assertEquals(Matcher.Kind.TYPE, http.expect().json().get(0).matchers().get(1).kind());
        assertEquals(Capture.From.REDIRECT_QUERY, http.captures().get(2).from());
        assertEquals(60L, ((Step.ControlStep) s.steps().get(1)).argument());
        assertEquals(8, http.pos().line());
        assertEquals(Set.of(Capability.SEED), scenarios.get(1).neededCapabilities());
    }

    @Test
    void mistakesNameLineAndColumn() {
        assertEquals(1, problem("title: x\nsteps: []\n").pos().line());
        var p = problem("id: a\ntitle: t\nsteps:\n  - request: {url: x}\n    expect: {json: {$.a: {near: 1}}}\n");
        assertTrue(p.getMessage().contains("unknown matcher 'near'"), p.getMessage());
        assertEquals(5, p.pos().line());
        p = problem("id: a\ntitle: t\nsteps:\n  - request: {url: x}\n    expect: {json: {$.a: {matches: '('}}}\n");
        assertTrue(p.getMessage().contains("not a valid regular expression"), p.getMessage());
        p = problem("id: a\ntitle: t\nrequires: [time-travel]\nsteps:\n  - request: {url: x}\n");
        assertTrue(p.getMessage().contains("unknown capability 'time-travel'"), p.getMessage());
        p = problem("id: a\ntitle: t\nsteps:\n  - request: {url: x, json: {a: 1}, body: y}\n");
        assertTrue(p.getMessage().contains("at most one of"), p.getMessage());
        p = problem("id: a\ntitle: t\nsteps:\n  - request: {url: x}\n  - request: {url: x}\n");
        assertTrue(p.getMessage().contains("two steps are named"), p.getMessage());
        p = problem("id: A B\ntitle: t\nsteps:\n  - request: {url: x}\n");
        assertTrue(p.getMessage().contains("id must be"), p.getMessage());
        p = problem("id: a\ntitle: t\nsteps:\n  - request: {url: '${a b}'}\n");
        assertTrue(p.getMessage().contains("bad variable name"), p.getMessage());
        p = problem("id: a\ntitle: t\nsteps:\n  - wait: 5\n");
        assertTrue(p.getMessage().contains("needs 'request', 'awaitWebhook', 'use' or one control key"), p.getMessage());
        p = problem("id: a\ntitle: t\nsteps:\n  - awaitWebhook: {timeout: 0}\n");
        assertTrue(p.getMessage().contains("awaitWebhook.timeout must be 1 to 300 seconds"), p.getMessage());
        p = problem("id: a\ntitle: t\nsteps:\n  - awaitWebhook: 5\n");
        assertTrue(p.getMessage().contains("awaitWebhook takes {timeout: seconds} or nothing"), p.getMessage());
        p = problem("id: a\ntitle: t\nsteps:\n  - awaitWebhook:\n    expect: {status: 200}\n");
        assertTrue(p.getMessage().contains("a webhook has no status to expect"), p.getMessage());
        p = problem("id: a\ntitle: t\nid: b\nsteps: []\n");
        assertTrue(p.getMessage().contains("duplicate key 'id'"), p.getMessage());
        assertEquals(3, p.pos().line());
    }
}
