package dev.jirasim.conformance.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.model.Capture;
import dev.jirasim.conformance.model.Scenario;
import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.model.Target;
import dev.jirasim.conformance.parse.ScenarioParser;
import dev.jirasim.conformance.record.RecordedExchange.Header;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Exchanges to scenario text, without a network: every result must also be a scenario the parser accepts. */
class SessionConverterTest {
    private static final String UP = "http://upstream.test";

    private static RecordedExchange exchange(String method, String path, String query, List<Header> headers, String body,
                                             int status, List<Header> responseHeaders, String responseBody) {
        return new RecordedExchange(method, path, query, headers, body, status, responseHeaders, responseBody);
    }

    private static List<Header> h(String... nameValues) {
        var list = new ArrayList<Header>();
        for (int i = 0; i < nameValues.length; i += 2) list.add(new Header(nameValues[i], nameValues[i + 1]));
        return list;
    }

    private static final List<Header> JSON = h("Content-Type", "application/json");

    private static Scenario parsed(String yaml) throws Exception {
        List<Scenario> scenarios = ScenarioParser.parse(Path.of("recorded.yaml"), yaml);
        assertEquals(1, scenarios.size());
        return scenarios.get(0);
    }

    private static Step.HttpStep http(Scenario s, int index) {
        return assertInstanceOf(Step.HttpStep.class, s.steps().get(index));
    }

    @Test
    void aTokenFromAResponseIsCapturedAndItsLaterUsesBecomeThePlaceholder() throws Exception {
        String yaml = new SessionConverter(UP, null).yaml("tokens", List.of(
                exchange("POST", "/auth/oauth/token", null, JSON, "{\"grant_type\":\"client_credentials\"}", 200, JSON,
                        "{\"access_token\":\"eyJ-secret-access\",\"refresh_token\":\"r-secret-refresh\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"),
                exchange("GET", "/api/me", "access_token=eyJ-secret-access", h("Authorization", "Bearer eyJ-secret-access"), "", 200, JSON, "{}")));
        assertFalse(yaml.contains("secret-access") || yaml.contains("secret-refresh"), yaml);
        Scenario s = parsed(yaml);
        Step.HttpStep token = http(s, 0);
        assertEquals(List.of("accessToken", "refreshToken"), token.captures().stream().map(Capture::variable).toList());
        assertEquals("$.access_token", token.captures().get(0).expression());
        assertEquals(Set.of(200), token.expect().statuses());
        Step.HttpStep me = http(s, 1);
        assertEquals("${api}/me", me.url());
        assertEquals("Bearer ${accessToken}", me.headers().get("Authorization"));
        assertEquals("${accessToken}", me.query().get("access_token"));
    }

    @Test
    void anAuthorizationCodeFromARedirectBecomesARedirectQueryCapture() throws Exception {
        Scenario s = parsed(new SessionConverter(UP, null).yaml("code", List.of(
                exchange("GET", "/auth/authorize", "client_id=app&state=s1&response_type=code", List.of(), "", 302,
                        h("Location", "http://localhost:3000/callback?code=the-code-123&state=s1"), ""),
                exchange("POST", "/auth/oauth/token", null, h("Content-Type", "application/x-www-form-urlencoded"),
                        "grant_type=authorization_code&code=the-code-123&client_id=app", 200, JSON, "{\"access_token\":\"t0ken-value\"}"))));
        Step.HttpStep authorize = http(s, 0);
        assertEquals(Capture.From.REDIRECT_QUERY, authorize.captures().get(0).from());
        assertEquals("code", authorize.captures().get(0).variable());
        assertEquals(Map.of("client_id", "app", "state", "s1", "response_type", "code"), authorize.query());
        assertTrue(authorize.expect().headers().stream().anyMatch(c -> c.target().equals("Location")));
        Step.HttpStep exchange = http(s, 1);
        assertEquals("${code}", exchange.form().get("code"));
        assertFalse(exchange.headers().containsKey("Content-Type"), "the form sets its own Content-Type");
    }

    @Test
    void credentialsTheClientBroughtBecomeVariablesTheTargetMustSupply() throws Exception {
        var values = new SessionConverter(UP, null);
        String yaml = values.yaml("creds", List.of(
                exchange("POST", "/auth/oauth/token", null, JSON, "{\"client_id\":\"app\",\"client_secret\":\"right-secret\"}", 200, JSON, "{}"),
                exchange("POST", "/auth/oauth/token", null, JSON, "{\"client_id\":\"app\",\"client_secret\":\"wrong-secret\"}", 401, JSON,
                        "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}"),
                exchange("GET", "/nango/connections", null, h("Authorization", "Bearer nango-key-0001", "Cookie", "sid=cookie-value"), "", 200, JSON, "[]")));
        assertFalse(yaml.contains("right-secret") || yaml.contains("wrong-secret") || yaml.contains("nango-key") || yaml.contains("cookie-value"), yaml);
        assertTrue(yaml.contains("#   clientSecret: <value>   # used in step 1 (client_secret)"), yaml);
        assertTrue(yaml.contains("#   clientSecret2: <value>"), yaml);
        Scenario s = parsed(yaml);
        assertEquals(Map.of("client_id", "app", "client_secret", "${clientSecret}"), http(s, 0).json());
        assertEquals("${clientSecret2}", ((Map<?, ?>) http(s, 1).json()).get("client_secret"));
        assertEquals("Bearer ${nangoSecretKey}", http(s, 2).headers().get("Authorization"));
        assertEquals("${cookie}", http(s, 2).headers().get("Cookie"));
    }

    @Test
    void withATargetValuesBecomeItsVariablesUnderTheLongestMatchingBaseUrl() throws Exception {
        var target = new Target("t", Map.of("api", UP + "/gateway", "jira", UP + "/gateway/ex/jira/cloud-1234"), Set.of(),
                Map.of("clientId", "my-client-id", "cloudId", "cloud-1234", "clientSecret", "the-real-secret"), Set.of());
        Scenario s = parsed(new SessionConverter(UP, target).yaml("target", List.of(
                exchange("GET", "/gateway/ex/jira/cloud-1234/rest/api/3/myself", null, List.of(), "", 200, JSON, "{}"),
                exchange("GET", "/gateway/oauth/token/accessible-resources", "client=my-client-id", List.of(), "", 200, JSON, "[]"),
                exchange("POST", "/elsewhere", null, JSON, "{\"client_secret\":\"the-real-secret\"}", 404, List.of(), ""))));
        assertEquals("${jira}/rest/api/3/myself", http(s, 0).url());
        assertEquals("${api}/oauth/token/accessible-resources", http(s, 1).url());
        assertEquals("${clientId}", http(s, 1).query().get("client"));
        assertEquals("${upstream}/elsewhere", http(s, 2).url());
        assertEquals(Map.of("client_secret", "${clientSecret}"), http(s, 2).json());
    }

    @Test
    void withoutATargetTheSimulatorsLayoutNamesTheBaseUrls() throws Exception {
        String yaml = new SessionConverter(UP, null).yaml("layout", List.of(
                exchange("GET", "/dc/dc1/rest/api/2/myself", null, List.of(), "", 401, List.of(), ""),
                exchange("GET", "/site/acme/rest/api/3/serverInfo", null, List.of(), "", 200, List.of(), ""),
                exchange("GET", "/nango/providers", null, List.of(), "", 200, List.of(), ""),
                exchange("GET", "/status", null, List.of(), "", 200, List.of(), "")));
        Scenario s = parsed(yaml);
        assertEquals(List.of("${dc}/rest/api/2/myself", "${site}/rest/api/3/serverInfo", "${nango}/providers", "${upstream}/status"),
                s.steps().stream().map(st -> ((Step.HttpStep) st).url()).toList());
        assertTrue(yaml.contains("#   dc: http://upstream.test/dc/dc1\n"), yaml);
    }

    @Test
    void hopByHopHeadersAreLeftOutAndHeadersThatChangeBehaviourKept() throws Exception {
        Scenario s = parsed(new SessionConverter(UP, null).yaml("headers", List.of(exchange("POST",
                "/api/ex/jira/c1/rest/api/3/issue/ACME-1/attachments", null,
                h("Connection", "keep-alive", "Host", "upstream.test", "User-Agent", "curl/8", "Accept-Encoding", "gzip",
                        "Content-Length", "5", "X-Atlassian-Token", "no-check", "Content-Type", "text/plain", "Accept", "application/json",
                        "X-Api-Token", "a-private-api-token"),
                "hello", 200, JSON, "[]"))));
        Step.HttpStep step = http(s, 0);
        assertEquals(Map.of("X-Atlassian-Token", "no-check", "Content-Type", "text/plain", "Accept", "application/json",
                "X-Api-Token", "${xApiToken}"), step.headers());
        assertEquals("hello", step.body());
    }

    @Test
    void responsesAreCheckedByShapeWithStatusAndStableErrorCodesExact() throws Exception {
        Scenario s = parsed(new SessionConverter(UP, null).yaml("shapes", List.of(
                exchange("GET", "/api/oauth/token/accessible-resources", null, List.of(), "", 200, JSON,
                        "[{\"id\":\"c1\",\"scopes\":[\"read:jira-work\"],\"avatarUrl\":null},{\"id\":\"c2\",\"scopes\":[],\"avatarUrl\":null}]"),
                exchange("GET", "/nango/connections", null, List.of(), "", 401, JSON,
                        "{\"error\":{\"code\":\"missing_auth_header\",\"message\":\"m\"}}"),
                exchange("POST", "/auth/oauth/token", null, List.of(), "", 403, JSON,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\",\"expires_in\":1.5}"))));
        assertEquals(List.of("$=[type:array, size:2]", "$[0].id=[type:string]", "$[0].scopes=[type:array]", "$[0].avatarUrl=[exists:true]"),
                checks(http(s, 0)));
        assertEquals(List.of("$.error=[type:object]", "$.error.code=[type:string]", "$.error.message=[type:string]"), checks(http(s, 1)));
        assertEquals(List.of("$.error=[equals:invalid_grant]", "$.error_description=[equals:Unknown or invalid refresh token.]",
                "$.expires_in=[type:number]"), checks(http(s, 2)));
        assertEquals(Set.of(403), http(s, 2).expect().statuses());
    }

    private static List<String> checks(Step.HttpStep step) {
        return step.expect().json().stream().map(c -> c.target() + "=" + c.matchers().stream()
                .map(m -> m.kind().key + ":" + m.value()).collect(Collectors.joining(", ", "[", "]"))).toList();
    }

    @Test
    void controlApiCallsBecomeControlStepsAndDeclareTheirCapabilities() throws Exception {
        var target = new Target("t", Map.of("admin", UP + "/__admin", "auth", UP + "/auth"), Set.of(), Map.of("alice", "alice@acme.test"), Set.of());
        Scenario s = parsed(new SessionConverter(UP, target).yaml("control", List.of(
                exchange("PUT", "/__admin/consent", null, JSON, "{\"mode\":\"auto\",\"user\":\"alice@acme.test\",\"sites\":[\"acme\"],\"decision\":\"approve\"}",
                        200, JSON, "{}"),
                exchange("POST", "/__admin/clock/advance", null, JSON, "{\"seconds\":3601}", 200, JSON, "{}"),
                exchange("PUT", "/__admin/consent", null, JSON, "{\"mode\":\"bogus\"}", 400, JSON, "{\"error\":\"bad\"}"))));
        var consent = assertInstanceOf(Step.ControlStep.class, s.steps().get(0));
        assertEquals(Step.ControlStep.Kind.CONSENT, consent.kind());
        assertEquals(Map.of("mode", "auto", "user", "${alice}", "sites", List.of("acme"), "decision", "approve"), consent.argument());
        assertEquals(3601L, assertInstanceOf(Step.ControlStep.class, s.steps().get(1)).argument());
        assertEquals("${admin}/consent", http(s, 2).url(), "a refused control call stays an HTTP step");
        assertEquals(Set.of("consent-automation", "clock"), s.requires());
    }
}
