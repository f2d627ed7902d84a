package dev.jirasim.conformance.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeDiffTest {
    private static Observation answer(int status, Map<String, String> headers, String body, String... compare) {
        return new Observation("POST", "${auth}/oauth/token", status, headers, body, List.of(compare));
    }

    @Test
    void tokensIdsAndDatesDifferWithoutADifference() {
        var a = answer(200, Map.of("Content-Type", "application/json;charset=utf-8", "Date", "Mon, 01 Jan 2026 00:00:00 GMT"),
                "{\"access_token\":\"aaa\",\"expires_in\":3600}");
        var b = answer(200, Map.of("content-type", "application/json", "Date", "Tue, 02 Jan 2026 00:00:00 GMT", "X-Trace", "1"),
                "{\"access_token\":\"bbb\",\"expires_in\":3599}");
        assertEquals(List.of(), ExchangeDiff.diff(a, b));
    }

    @Test
    void statusAndTheHeadersThatMatterAreCompared() {
        var a = answer(401, Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer realm=\"x\", error=\"invalid_token\""), "{}");
        var b = answer(400, Map.of("Content-Type", "text/html", "Retry-After", "30", "WWW-Authenticate", "Bearer realm=\"y\""), "{}");
        assertEquals(List.of("status: 401 → 400", "Content-Type: application/json → text/html",
                "WWW-Authenticate: Bearer [error, realm] → Bearer [realm]", "Retry-After: absent → seconds"), ExchangeDiff.diff(a, b));
    }

    @Test
    void aRedirectComparesTheQueryMemberNamesOfItsLocation() {
        var a = answer(302, Map.of("Location", "http://a/callback?code=1&state=s"), "");
        var same = answer(302, Map.of("Location", "http://b/callback?state=t&code=2"), "");
        var lost = answer(302, Map.of("Location", "http://b/callback?code=2"), "");
        assertEquals(List.of(), ExchangeDiff.diff(a, same));
        assertEquals(List.of("Location: present, query [code, state] → present, query [code]"), ExchangeDiff.diff(a, lost));
    }

    @Test
    void markedValuesAreComparedAndOnlyThey() {
        var a = answer(200, Map.of("X-Seraph-LoginReason", "OK"), "{\"token_type\":\"Bearer\",\"scope\":\"read:me\",\"id\":1}", "$.token_type", "$.scope");
        var b = answer(200, Map.of("X-Seraph-LoginReason", "OK"), "{\"token_type\":\"bearer\",\"id\":2}", "$.token_type", "$.scope");
        assertEquals(List.of("$.scope: string → absent", "$.token_type = \"Bearer\" → \"bearer\"", "$.scope = \"read:me\" → absent"),
                ExchangeDiff.diff(a, b));
    }

    @Test
    void markedHeadersAreComparedByValue() {
        var a = answer(200, Map.of("Cache-Control", "no-store"), "", "Cache-Control");
        var b = answer(200, Map.of(), "", "Cache-Control");
        assertEquals(List.of("Cache-Control = no-store → absent"), ExchangeDiff.diff(a, b));
    }

    @Test
    void theSeraphReasonIsComparedWhole() {
        var a = answer(401, Map.of("X-Seraph-LoginReason", "AUTHENTICATED_FAILED"), "");
        var b = answer(401, Map.of("X-Seraph-LoginReason", "AUTHENTICATION_DENIED"), "");
        assertEquals(List.of("X-Seraph-LoginReason: AUTHENTICATED_FAILED → AUTHENTICATION_DENIED"), ExchangeDiff.diff(a, b));
    }
}
