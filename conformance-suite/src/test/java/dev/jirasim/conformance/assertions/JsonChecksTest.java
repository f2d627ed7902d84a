package dev.jirasim.conformance.assertions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.model.Expectation;
import dev.jirasim.conformance.model.Matcher;
import dev.jirasim.conformance.model.Matcher.Kind;
import dev.jirasim.conformance.steps.Variables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonChecksTest {
    private static final String BODY = "{\"n\":3600,\"s\":\"Bearer\",\"list\":[{\"id\":\"a\",\"v\":1},{\"id\":\"b\",\"v\":2}],\"nil\":null}";
    private final Variables vars = new Variables(k -> null);

    private List<String> check(String path, Kind kind, Object value) {
        vars.put("want", "b");
        return JsonChecks.checkJson(JsonChecks.document(BODY), BODY,
                List.of(new Expectation.Check(path, List.of(new Matcher(kind, value)), null)), vars);
    }

    @Test
    void eachMatcherPassesAndFails() {
        assertEquals(List.of(), check("$.n", Kind.EQUALS, 3600L));
        assertTrue(check("$.n", Kind.EQUALS, 3601L).get(0).contains("expected 3601 but was 3600"));
        assertEquals(List.of(), check("$.s", Kind.MATCHES, "^Bear"));
        assertEquals(1, check("$.s", Kind.MATCHES, "^bear").size());
        assertEquals(List.of(), check("$.nil", Kind.EXISTS, true));
        assertEquals(List.of(), check("$.missing", Kind.ABSENT, true));
        assertEquals(1, check("$.n", Kind.ABSENT, true).size());
        assertEquals(List.of(), check("$.n", Kind.TYPE, "integer"));
        assertEquals(List.of(), check("$.n", Kind.TYPE, "number"));
        assertEquals(1, check("$.s", Kind.TYPE, "number").size());
        assertEquals(List.of(), check("$.list", Kind.SIZE, 2L));
        assertEquals(List.of(), check("$.list[*].id", Kind.CONTAINS, "${want}"));
        assertEquals(1, check("$.list[*].id", Kind.CONTAINS, "c").size());
        assertEquals(List.of(), check("$.n", Kind.GREATER_THAN, 3599L));
        assertEquals(1, check("$.n", Kind.LESS_THAN, 3600L).size());
        assertEquals(List.of(), check("$.list[?(@.id == '${want}')].v", Kind.EQUALS, List.of(2L)));
        assertTrue(check("$.missing", Kind.EQUALS, 1L).get(0).contains("is absent"));
    }

    @Test
    void aBodyThatIsNotJsonFailsEveryJsonCheck() {
        var failures = JsonChecks.checkJson(JsonChecks.document("<html>"), "<html>",
                List.of(new Expectation.Check("$.a", List.of(new Matcher(Kind.EXISTS, true)), null)), vars);
        assertTrue(failures.get(0).contains("not JSON"));
    }

    @Test
    void headersMatchCaseInsensitively() {
        assertEquals(List.of(), JsonChecks.checkHeaders(Map.of("Cache-Control", "no-store"),
                List.of(new Expectation.Check("cache-control", List.of(new Matcher(Kind.EQUALS, "no-store")), null)), vars));
        assertEquals(List.of(), JsonChecks.checkHeaders(Map.of("Cache-Control", "no-store"),
                List.of(new Expectation.Check("Location", List.of(new Matcher(Kind.ABSENT, true)), null)), vars));
        assertEquals(1, JsonChecks.checkHeaders(Map.of(),
                List.of(new Expectation.Check("Location", List.of(new Matcher(Kind.EXISTS, true)), null)), vars).size());
    }
}
