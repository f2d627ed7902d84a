package dev.jirasim.simulator.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.world.WorldFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random requests over every route of every emulated service and the control API, written on a raw socket so
 * that nothing a client library would refuse is out of reach: random methods, headers (odd Content-Types, Nango
 * forwarding headers), encoded path segments, query strings, and bodies built from realistic templates with one
 * value replaced by something hostile (numbers at and beyond int and long limits, huge and tiny instants, lone
 * surrogates and NUL, strings of 4 k to 1 M characters, nesting around Jackson's 1 000 levels), sent with
 * Content-Length or with chunked framing, sometimes broken. World files with extreme values go to the control API.
 * <p>Never a 5xx (but the deliberate ones), never a stack trace or class name in the body, and a request answered
 * with any error leaves the world as it was. Every failure ever found is a fixed example below (and a test in
 * {@link BadInputRegressionHttpTest}). {@code -Djqwik.tries.default=50000} runs a long campaign.
 */
class BadInputProperties {
    static final String ACME = "7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70";
    static final String C = "/api/ex/jira/" + ACME + "/rest/api";
    /** Nango's public webhook endpoint for the default environment. */
    static final String NANGO_HOOK = "/nango/webhook/5b0f3c1e-8d2a-4f6b-9c7e-1a2b3c4d5e6f";
    static final List<String> ROUTES = List.of(
            "/auth/authorize", "/auth/authorize/login", "/auth/authorize/consent", "/auth/oauth/token",
            "/api/oauth/token/accessible-resources", "/api/me",
            C + "/3/search/jql", C + "/2/search", C + "/3/search/approximate-count", C + "/3/jql/parse",
            C + "/3/issue", C + "/2/issue", C + "/3/issue/ACME-1", C + "/2/issue/ACME-2", C + "/2/issue/ACME-2/comment", C + "/3/issue/ACME-3/comment",
            C + "/3/issue/ACME-3/transitions", C + "/3/issue/ACME-1/comment/10001", C + "/3/issue/ACME-1/worklog", C + "/3/issue/ACME-1/worklog/10001",
            C + "/3/worklog/updated", C + "/3/worklog/deleted", C + "/3/worklog/list", C + "/3/myself", C + "/3/project/search", C + "/9/serverInfo", "/api/ex/jira/not-a-cloud-id/rest/api/3/myself",
            "/__admin/world", "/__admin/clock", "/__admin/clock/advance", "/__admin/consent", "/__admin/tokens",
            "/__admin/tokens/revoke", "/__admin/journal", "/__admin/tenants", "/__admin/tenants/x", "/__admin/dc/dc1/consent", "/__admin/faults",
            "/nango/integrations", "/nango/integrations/jira", "/nango/connections", "/nango/connection/alice-acme",
            "/nango/connections/alice-acme", "/nango/connect/sessions", "/nango/connect", "/nango/oauth/connect/jira",
            "/nango/oauth/callback", "/nango/proxy/ex/jira/" + ACME + "/rest/api/3/myself", "/nango/proxy/ex/jira/" + ACME + "/rest/api/3/issue",
            NANGO_HOOK + "/jira", NANGO_HOOK + "/jira-data-center", "/nango/webhook/not-a-uuid/jira", "/nango/environment/webhook-signing-key/rotate",
            "/__admin/nango/webhooks", "/__admin/nango/webhook-signing-key",
            "/dc/dc1/rest/oauth2/latest/authorize", "/dc/dc1/rest/oauth2/latest/token", "/dc/dc1/plugins/servlet/oauth2/consent",
            "/dc/dc1/rest/api/2/myself", "/dc/dc1/rest/api/latest/search", "/dc/dc1/rest/api/2/issue", "/dc/dc1/rest/api/2/issue/DCP-1",
            "/dc/dc1/rest/api/2/project", "/dc/nope/rest/api/2/serverInfo", "/t/nobody/api/me", "/nothing/here",
            "/dc/dc1/rest/api/2/issue/DCP-1/comment", "/dc/dc1/rest/api/2/issue/DCP-1/comment/10001", "/dc/dc1/rest/api/2/issue/DCP-1/transitions",
            "/dc/dc1/rest/api/2/issue/DCP-1/worklog", "/dc/dc1/rest/api/2/issue/DCP-1/worklog/10001", "/dc/dc1/rest/api/2/issueLink",
            "/dc/dc1/rest/api/2/issueLink/10001", "/dc/dc1/rest/api/latest/issueLinkType",
            C + "/3/project", C + "/3/project/ACME", C + "/3/project/ACME/components", C + "/3/field", C + "/3/field/search", C + "/3/issuetype/10001",
            C + "/3/issuetype/project", C + "/3/priority/search", C + "/3/statuses/search", C + "/3/user", C + "/3/user/search", C + "/3/user/bulk",
            C + "/3/user/assignable/search", C + "/3/issue/createmeta", C + "/3/issue/createmeta/ACME/issuetypes/10001", C + "/3/issue/ACME-1/editmeta",
            C + "/3/group/member", C + "/3/groupuserpicker", C + "/3/customFieldOption/10300", C + "/3/issueLink", C + "/3/issueLinkType",
            C + "/3/issue/ACME-1/remotelink", C + "/3/issue/ACME-1/watchers", C + "/3/issue/ACME-1/votes", C + "/3/issue/ACME-1/attachments",
            C + "/2/attachment/meta", C + "/3/attachment/10000", C + "/3/issue/bulk", C + "/3/issue/bulkfetch", "/dc/dc1/rest/api/2/field", "/dc/dc1/rest/api/2/user/search",
            C + "/3/webhook", C + "/2/webhook", C + "/3/webhook/refresh", C + "/3/webhook/failed", "/site/acme/rest/api/3/webhook",
            "/__admin/webhooks/deliveries", "/__admin/webhooks/await-idle", "/__admin/webhooks/faults");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    /** Realistic bodies of the routes above, each with one hole ({@code %s}) for a hostile JSON value. */
    static final List<String> TEMPLATES = List.of(
            "{\"fields\":{\"project\":{\"key\":\"ACME\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":%s}}",
            "{\"fields\":{\"project\":{\"key\":\"ACME\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"s\",\"description\":%s}}",
            "{\"fields\":{\"summary\":%s},\"update\":{\"labels\":[{\"add\":\"x\"}]}}", "{\"update\":{\"labels\":[%s]}}",
            "{\"fields\":{\"summary\":\"x\"},\"update\":{\"summary\":[{\"set\":%s}]}}", "{\"update\":{\"summary\":[{\"set\":%s}]}}",
            "{\"body\":%s}", "{\"body\":\"hi\",\"visibility\":%s}", "{\"transition\":{\"id\":\"21\"},\"fields\":{\"resolution\":%s}}",
            "{\"transition\":%s}", "{\"queries\":[%s]}", "{\"jql\":%s,\"maxResults\":5}", "{\"jql\":\"project = ACME\",\"maxResults\":%s}",
            "{\"jql\":\"project = ACME\",\"nextPageToken\":%s}", "{\"seconds\":%s}", "{\"now\":%s,\"frozen\":true}", "{\"now\":%s}",
            "{\"user\":\"alice@acme.test\",\"scopes\":[%s]}", "{\"user\":%s}", "{\"grant_type\":%s}",
            "{\"grant_type\":\"refresh_token\",\"client_id\":\"jirasim-client\",\"client_secret\":\"jirasim-secret\",\"refresh_token\":%s}",
            "{\"mode\":\"auto\",\"user\":\"alice@acme.test\",\"sites\":[%s]}", "{\"path\":\"/api/me\",\"status\":%s}",
            "{\"path\":\"/api/me\",\"delayMs\":%s}", "{\"id\":%s}", "{\"world\":{\"auth\":{\"accessTokenSeconds\":%s}}}",
            "{\"end_user\":{\"id\":%s},\"allowed_integrations\":[\"jira\"]}", "{\"connection_config\":%s}",
            // World files: the default world's own ranges, then one extreme value.
            "{\"auth\":{\"accessTokenSeconds\":%s}}", "{\"auth\":{\"refreshAbsoluteSeconds\":%s}}", "{\"apps\":[%s]}", "{\"sites\":[%s]}",
            "{\"jira\":{\"rateLimit\":{\"capacity\":%s,\"refillPerSecond\":1}}}", "{\"generateIssues\":{\"perProject\":%s}}",
            "{\"sites\":[{\"subdomain\":\"a\",\"cloudId\":\"11111111-1111-4111-8111-111111111111\",\"name\":\"A\",\"url\":\"https://a.atlassian.net\"}],"
                    + "\"projects\":[{\"id\":\"1\",\"key\":\"A\",\"name\":\"A\",\"site\":\"a\"}],"
                    + "\"issues\":[{\"id\":\"10001\",\"key\":\"A-1\",\"site\":\"a\",\"project\":\"A\",\"summary\":\"s\",\"created\":%s}]}",
            "{\"tokens\":{\"grants\":[{\"id\":\"g\",\"clientId\":\"jirasim-client\",\"accountId\":\"5f8a1c2e4b7d9e0011a2b3c4\",\"createdAt\":%s}]}}");
    static final List<String> CONTENT_TYPES = List.of("", "application/json", "application/x-www-form-urlencoded", "text/plain",
            "application/yaml", "multipart/form-data; boundary=x", "application/json; charset=ebcdic", ";", " ; ", ",", "/", "application/json;",
            "application/json; charset=", "APPLICATION/JSON", "*/*", "application/json; charset=utf-16", "application/x-www-form-urlencoded;;");
    /** A route with the body (or query) its real clients send; {@code %s} is a hostile JSON value, {@code %q} a hostile query value. */
    record Target(String method, String route, String template, String credential) {
    }

    static final String NANGO = "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c";
    /** jdoe:jdoe, a wrong password on dc1: DC's 401, then the CAPTCHA 403 (the Basic login layer itself). */
    static final String DC_BASIC = "Basic amRvZTpqZG9l";
    /** admin:admin, the default world's right password: DC targets that reach the REST logic through Basic. */
    static final String DC_ADMIN_BASIC = "Basic YWRtaW46YWRtaW4=";
    /** Malformed Basic headers (no payload, not Base64, no colon, bytes that are not UTF-8, huge): never a 500. */
    static final List<String> BAD_BASIC = List.of("Basic", "Basic ", "Basic !!!", "Basic Og==", "Basic bm8tY29sb24=", "Basic /w==",
            "BASIC YWRtaW46YWRtaW4=", "Basic YWRtaW46YWRtaW4=YWRtaW4=", "Basic " + "QUFB".repeat(2000), "Basic\tYWRtaW46YWRtaW4=");
    /** jdoe's personal access token on dc1 (the default world's): DC targets that reach the REST logic, not just its 401. */
    static final String DC_PAT = "Bearer NDU2Nzg5MDEyMzQ1Ompkb2UtcGVyc29uYWwtdG9rZW4tMDE";
    static final List<Target> TARGETS = List.of(
            new Target("POST", C + "/2/issue", TEMPLATES.get(0), "CLOUD"), new Target("POST", C + "/3/issue", TEMPLATES.get(1), "CLOUD"),
            new Target("PUT", C + "/2/issue/ACME-1", TEMPLATES.get(2), "CLOUD"), new Target("PUT", C + "/3/issue/ACME-1", TEMPLATES.get(3), "CLOUD"),
            new Target("PUT", C + "/2/issue/ACME-1", TEMPLATES.get(4), "CLOUD"), new Target("PUT", C + "/2/issue/ACME-2", TEMPLATES.get(5), "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-3/comment", "{\"body\":%s}", "CLOUD"), new Target("POST", C + "/2/issue/ACME-2/comment", "{\"body\":%s}", "CLOUD"),
            new Target("POST", C + "/2/issue/ACME-2/comment", "{\"body\":\"hi\",\"visibility\":%s}", "CLOUD"),
            // Comments and worklogs (issue 17).
            new Target("PUT", C + "/3/issue/ACME-1/comment/10001", "{\"body\":%s}", "CLOUD"),
            new Target("PUT", C + "/2/issue/ACME-1/comment/10001?overrideEditableFlag=true", "{\"body\":\"x\",\"visibility\":%s}", "CLOUD"),
            new Target("GET", C + "/3/issue/ACME-1/comment", "orderBy=%q&expand=%q", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-1/worklog", "{\"timeSpent\":%s,\"started\":\"2026-01-15T10:00:00.000+0000\"}", "CLOUD"),
            new Target("POST", C + "/2/issue/ACME-1/worklog", "{\"timeSpentSeconds\":%s,\"started\":\"2026-01-15T10:00:00.000+0000\"}", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-1/worklog", "{\"timeSpent\":\"1h\",\"started\":%s}", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-1/worklog?adjustEstimate=manual&reduceBy=1h", "{\"timeSpent\":\"1h\",\"started\":\"2026-01-15T10:00:00.000+0000\",\"comment\":%s}", "CLOUD"),
            new Target("POST", C + "/2/issue/ACME-1/worklog?adjustEstimate=new&newEstimate=%3B", "{\"timeSpent\":\"1h\",\"started\":\"2026-01-15T10:00:00.000+0000\",\"visibility\":%s}", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-1/worklog/10001", "{\"timeSpent\":%s}", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-1", "{\"fields\":{\"timetracking\":%s}}", "CLOUD"),
            new Target("GET", C + "/3/issue/ACME-1/worklog", "startedAfter=%q&startedBefore=%q", "CLOUD"),
            new Target("GET", C + "/3/worklog/updated", "since=%q&expand=%q", "CLOUD"), new Target("GET", C + "/3/worklog/deleted", "since=%q", "CLOUD"),
            new Target("POST", C + "/3/worklog/list", "{\"ids\":%s}", "CLOUD"), new Target("POST", C + "/3/worklog/list", "{\"ids\":[%s]}", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-3/transitions", TEMPLATES.get(8), "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-3/transitions", "{\"transition\":%s}", "CLOUD"),
            // History and the small writes around an edit (issue 17).
            new Target("POST", C + "/3/issue/ACME-3/changelog/list", "{\"changelogIds\":%s}", "CLOUD"),
            new Target("POST", C + "/3/changelog/bulkfetch", "{\"issueIdsOrKeys\":%s,\"maxResults\":%s,\"nextPageToken\":%s}", "CLOUD"),
            new Target("POST", C + "/3/changelog/bulkfetch", "{\"issueIdsOrKeys\":[\"ACME-1\"],\"fieldIds\":%s}", "CLOUD"),
            new Target("GET", C + "/3/issue/ACME-4/changelog", "startAt=%q&maxResults=%q", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-3/assignee", "{\"accountId\":%s}", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-3/assignee", "%s", "CLOUD"),
            new Target("GET", C + "/3/mypermissions", "permissions=%q&projectKey=%q", "CLOUD"),
            new Target("GET", C + "/3/label", "startAt=%q&maxResults=%q", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-3", "{\"update\":{\"customfield_10060\":[{\"add\":%s}]}}", "CLOUD"),
            new Target("PUT", C + "/2/issue/ACME-3", "{\"fields\":{\"summary\":\"x\"},\"update\":{\"comment\":[{\"add\":%s}],\"worklog\":[{\"add\":%s}]}}", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-3", "{\"update\":{\"comment\":%s,\"timetracking\":[{\"edit\":%s}]}}", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-5/transitions", "{\"transition\":{\"id\":\"21\"},\"update\":{\"comment\":[{\"add\":%s}]}}", "CLOUD"),
            new Target("POST", C + "/3/jql/parse", "{\"queries\":[%s]}", "CLOUD"), new Target("POST", C + "/3/search/jql", "{\"jql\":%s,\"maxResults\":5}", "CLOUD"),
            new Target("POST", C + "/3/jql/parse", "{\"queries\":[%j]}", "CLOUD"), new Target("POST", C + "/3/jql/parse?validation=none", "{\"queries\":[%j,%j]}", "CLOUD"),
            new Target("POST", C + "/3/search/jql", "{\"jql\":%j,\"maxResults\":5,\"fields\":[\"summary\"]}", "CLOUD"),
            new Target("POST", C + "/3/search/approximate-count", "{\"jql\":%j}", "CLOUD"), new Target("GET", C + "/3/search/jql", "jql=%J", "CLOUD"),
            new Target("GET", "/dc/dc1/rest/api/latest/search", "jql=%J", DC_BASIC),
            new Target("POST", C + "/3/search/jql", "{\"jql\":\"project = ACME\",\"maxResults\":%s}", "CLOUD"),
            new Target("POST", C + "/3/search/approximate-count", "{\"jql\":%s}", "CLOUD"),
            new Target("GET", C + "/3/search/jql", "jql=%q", "CLOUD"), new Target("GET", C + "/2/search", "jql=%q&startAt=%q", "CLOUD"),
            new Target("GET", C + "/3/issue/ACME-1/comment", "startAt=%q&maxResults=%q", "CLOUD"),
            new Target("GET", C + "/3/project/search", "startAt=%q&maxResults=%q", "CLOUD"), new Target("GET", C + "/3/issue/ACME-1", "fields=%q", "CLOUD"),
            new Target("PUT", "/__admin/clock", "{\"now\":%s,\"frozen\":true}", ""), new Target("PUT", "/__admin/clock", "{\"now\":%s}", ""),
            new Target("POST", "/__admin/clock/advance", "{\"seconds\":%s}", ""),
            new Target("POST", "/__admin/tokens", "{\"user\":\"alice@acme.test\",\"scopes\":[%s]}", ""), new Target("POST", "/__admin/tokens", "{\"user\":%s}", ""),
            new Target("PUT", "/__admin/consent", "{\"mode\":\"auto\",\"user\":\"alice@acme.test\",\"sites\":[%s]}", ""),
            new Target("POST", "/__admin/faults", "{\"path\":\"/api/me\",\"status\":%s}", ""), new Target("POST", "/__admin/tenants", "{\"id\":%s}", ""),
            new Target("POST", "/__admin/tenants", "{\"world\":{\"auth\":{\"accessTokenSeconds\":%s}}}", ""),
            new Target("PUT", "/__admin/world", "{\"auth\":{\"accessTokenSeconds\":%s}}", ""), new Target("PUT", "/__admin/world", "{\"apps\":[%s]}", ""),
            new Target("PUT", "/__admin/world", "{\"sites\":[%s]}", ""), new Target("PUT", "/__admin/world", TEMPLATES.get(TEMPLATES.size() - 2), ""),
            new Target("PUT", "/__admin/world", TEMPLATES.get(TEMPLATES.size() - 1), ""),
            new Target("PUT", "/__admin/world", "{\"jira\":{\"rateLimit\":{\"capacity\":%s,\"refillPerSecond\":1}}}", ""),
            new Target("POST", "/auth/oauth/token", "{\"grant_type\":%s}", ""), new Target("POST", "/auth/oauth/token", TEMPLATES.get(20), ""),
            new Target("POST", "/nango/connect/sessions", "{\"end_user\":{\"id\":%s},\"allowed_integrations\":[\"jira\"]}", NANGO),
            new Target("GET", "/nango/connections", "limit=%q&page=%q", NANGO),
            new Target("GET", "/nango/proxy/ex/jira/" + ACME + "/rest/api/3/myself", "", NANGO),
            new Target("POST", "/nango/proxy/ex/jira/" + ACME + "/rest/api/3/issue", TEMPLATES.get(0), NANGO),
            new Target("POST", NANGO_HOOK + "/jira", "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"self\":%s,\"fields\":{\"summary\":%s}}}", ""),
            new Target("POST", NANGO_HOOK + "/jira", "{\"comment\":{\"self\":\"https://acme.atlassian.net/x\"},\"user\":%s}", ""),
            new Target("PUT", "/__admin/nango/webhooks", "{\"primaryUrl\":%s,\"onAuthCreation\":%s}", ""),
            new Target("GET", "/dc/dc1/rest/api/latest/search", "jql=%q&startAt=%q", DC_BASIC),
            new Target("POST", "/dc/dc1/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"DCP\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":%s}}", DC_BASIC),
            // The schema and people surface of issue 16: writes with hostile values, reads with hostile parameters.
            new Target("PUT", C + "/3/issue/ACME-1", "{\"fields\":{\"customfield_10016\":%s}}", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-1", "{\"fields\":{\"customfield_10050\":%s,\"customfield_10020\":%s}}", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-1", "{\"fields\":{\"customfield_10060\":%s,\"customfield_10015\":%s}}", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-1", "{\"fields\":{\"components\":%s,\"fixVersions\":%s}}", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-1", "{\"update\":{\"components\":[{\"add\":%s}],\"customfield_10050\":[{\"set\":%s}]}}", "CLOUD"),
            new Target("POST", C + "/3/project", "{\"key\":%s,\"name\":%s,\"leadAccountId\":\"5f8a1c2e4b7d9e0011a2b3c4\"}", "CLOUD"),
            new Target("PUT", C + "/3/project/OPS", "{\"name\":%s,\"leadAccountId\":%s}", "CLOUD"),
            new Target("GET", C + "/3/search/jql", "jql=cf%5B10016%5D%20%3E%3D%20%q", "CLOUD"),
            new Target("GET", C + "/3/search/jql", "jql=sprint%20%3D%20%q", "CLOUD"),
            new Target("GET", C + "/3/search/jql", "jql=component%20in%20(%q)", "CLOUD"),
            new Target("GET", C + "/3/user/search", "query=%q&startAt=%q", "CLOUD"),
            new Target("GET", C + "/3/user/bulk", "accountId=%q&startAt=%q", "CLOUD"),
            new Target("GET", C + "/3/user/assignable/search", "project=%q&maxResults=%q", "CLOUD"),
            new Target("GET", C + "/3/issuetype/project", "projectId=%q&level=%q", "CLOUD"),
            new Target("GET", C + "/3/field/search", "type=%q&orderBy=%q", "CLOUD"),
            new Target("GET", C + "/3/issue/createmeta", "projectKeys=%q&expand=%q", "CLOUD"),
            new Target("GET", C + "/3/issue/createmeta/ACME/issuetypes", "startAt=%q&maxResults=%q", "CLOUD"),
            new Target("GET", C + "/3/issue/ACME-1", "fields=%q&expand=%q", "CLOUD"),
            new Target("GET", C + "/3/groupuserpicker", "query=%q&maxResults=%q", "CLOUD"),
            new Target("GET", C + "/3/group/member", "groupname=%q&startAt=%q", "CLOUD"),
            new Target("GET", "/dc/dc1/rest/api/2/user/search", "username=%q&startAt=%q", DC_BASIC),
            new Target("GET", "/dc/dc1/rest/api/2/user/search", "username=%q&startAt=%q", DC_ADMIN_BASIC),
            new Target("POST", "/dc/dc1/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"DCP\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":%s}}", DC_ADMIN_BASIC),
            // Links, remote links, watchers, votes, attachments, bulk (issue 17).
            new Target("POST", C + "/3/issueLink", "{\"type\":{\"name\":%s},\"inwardIssue\":{\"key\":\"ACME-1\"},\"outwardIssue\":{\"key\":\"ACME-2\"}}", "CLOUD"),
            new Target("POST", C + "/2/issueLink", "{\"type\":{\"id\":\"10003\"},\"inwardIssue\":%s,\"outwardIssue\":{\"key\":\"ACME-2\"},\"comment\":%s}", "CLOUD"),
            new Target("GET", C + "/3/issueLink/%q", "", "CLOUD"), new Target("GET", C + "/3/issueLinkType/%q", "", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-1/remotelink", "{\"globalId\":%s,\"object\":{\"url\":%s,\"title\":\"t\"}}", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-1/remotelink", "{\"application\":%s,\"object\":{\"url\":\"https://x\",\"title\":%s,\"status\":%s}}", "CLOUD"),
            new Target("PUT", C + "/3/issue/ACME-1/remotelink/10000", "{\"object\":%s}", "CLOUD"),
            new Target("DELETE", C + "/3/issue/ACME-1/remotelink", "globalId=%q", "CLOUD"),
            new Target("GET", C + "/3/issue/ACME-1/remotelink", "globalId=%q", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-1/watchers", "%s", "CLOUD"), new Target("DELETE", C + "/3/issue/ACME-1/watchers", "accountId=%q", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-1/votes", "", "CLOUD"), new Target("GET", C + "/3/attachment/content/%q", "redirect=%q", "CLOUD"),
            new Target("POST", C + "/3/issue/ACME-1/attachments", "%s", "CLOUD"),
            new Target("POST", C + "/3/issue/bulk", "{\"issueUpdates\":[{\"fields\":{\"project\":{\"key\":\"ACME\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":%s}},%s]}", "CLOUD"),
            new Target("POST", C + "/3/issue/bulkfetch", "{\"issueIdsOrKeys\":[%s],\"fields\":%s,\"expand\":%s}", "CLOUD"),
            // DC history, comments, transitions, worklogs and links (issue 17), as jdoe, who may edit DCP.
            new Target("PUT", "/dc/dc1/rest/api/2/issue/DCP-1", "{\"fields\":{\"summary\":%s,\"timetracking\":%s}}", DC_PAT),
            new Target("GET", "/dc/dc1/rest/api/2/issue/DCP-1", "expand=%q&fields=%q", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/search", "{\"jql\":\"key = DCP-1\",\"expand\":%s}", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/issue/DCP-1/comment", "{\"body\":%s}", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/issue/DCP-1/comment", "{\"body\":\"hi\",\"visibility\":%s}", DC_PAT),
            new Target("PUT", "/dc/dc1/rest/api/2/issue/DCP-1/comment/10001", "{\"body\":%s}", DC_PAT),
            new Target("GET", "/dc/dc1/rest/api/2/issue/DCP-1/comment", "startAt=%q&maxResults=%q&orderBy=%q", DC_PAT),
            new Target("GET", "/dc/dc1/rest/api/2/issue/DCP-1/transitions", "transitionId=%q&expand=%q", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/issue/DCP-1/transitions", "{\"transition\":%s}", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/issue/DCP-1/transitions", "{\"transition\":{\"id\":%s},\"fields\":%s}", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/issue/DCP-1/worklog", "{\"timeSpent\":%s,\"started\":\"2024-01-15T10:00:00.000+0000\"}", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/issue/DCP-1/worklog", "{\"timeSpentSeconds\":%s,\"started\":%s,\"comment\":%s}", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/issue/DCP-1/worklog?adjustEstimate=new&newEstimate=%3B",
                    "{\"timeSpent\":\"1h\",\"started\":\"2024-01-15T10:00:00.000+0000\",\"visibility\":%s}", DC_PAT),
            new Target("PUT", "/dc/dc1/rest/api/2/issue/DCP-1/worklog/10001", "{\"timeSpent\":%s}", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/issueLink", "{\"type\":%s,\"inwardIssue\":{\"key\":\"DCP-1\"},\"outwardIssue\":%s}", DC_PAT),
            new Target("POST", "/dc/dc1/rest/api/2/issueLink", "{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":%s,\"outwardIssue\":{\"key\":\"DCP-2\"},\"comment\":%s}", DC_PAT),
            // Dynamic webhooks and the delivery list (issue 19); receivers on a closed loopback port.
            new Target("POST", C + "/3/webhook", "{\"url\":%s,\"webhooks\":[{\"events\":[\"jira:issue_created\"],\"jqlFilter\":\"project = ACME\"}]}", "CLOUD"),
            new Target("POST", C + "/3/webhook", "{\"url\":\"http://127.0.0.1:1/h\",\"webhooks\":[{\"events\":%s,\"jqlFilter\":%s,\"fieldIdsFilter\":%s}]}", "CLOUD"),
            new Target("POST", C + "/3/webhook", "{\"url\":\"http://127.0.0.1:1/h\",\"webhooks\":[{\"events\":[\"jira:issue_updated\"],\"jqlFilter\":%j},%s]}", "CLOUD"),
            new Target("DELETE", C + "/3/webhook", "{\"webhookIds\":%s}", "CLOUD"), new Target("PUT", C + "/3/webhook/refresh", "{\"webhookIds\":[%s]}", "CLOUD"),
            new Target("GET", C + "/3/webhook", "startAt=%q&maxResults=%q", "CLOUD"), new Target("GET", C + "/3/webhook/failed", "maxResults=%q&after=%q", "CLOUD"),
            new Target("POST", "/__admin/webhooks/await-idle", "{\"timeoutMs\":%s}", ""),
            new Target("POST", "/__admin/webhooks/faults", "{\"kind\":%s,\"seconds\":%s,\"url\":%s,\"times\":%s}", ""));

    static final List<String> PATH_TAILS = List.of("", "", "", "", "/%u002e", "/%2e%2e", "/%00", "/%C0%AE", "/%25", "/%E2%80%AE", "/..;", "/%2F");
    static final List<String> EXTRA_HEADERS = List.of("Nango-Proxy-Host: evil", "Nango-Proxy-Content-Length: 5", "Nango-Proxy-Connection: close",
            "Nango-Proxy-Expect: 100-continue", "Nango-Proxy-Upgrade: h2c", "Nango-Proxy-Transfer-Encoding: chunked", "Retry-On: 999999999999",
            "Retry-On: 429,500", "Retries: 99", "Retries: -1", "Base-Url-Override: http://127.0.0.1:1", "Connection-Id: alice-acme",
            "Provider-Config-Key: jira", "Provider-Config-Key: \u0000", "X-Forwarded-Host: evil", "Accept: application/xml", "Expect: 100-continue");

    enum Framing { LENGTH, CHUNKED, CHUNK_SIZE_BAD, CHUNK_SIZE_NEGATIVE, CHUNK_EARLY_EOF }

    private static JirasimServer sim;
    private static String cloudToken;
    static final AtomicInteger SENT = new AtomicInteger();

    record Fuzz(String method, String route, String tail, String query, String auth, String contentType, List<String> headers,
                String body, Framing framing) {
        @Override
        public String toString() {
            // Bodies can be a megabyte: say how long, show the start.
            String b = body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
            return method + " " + route + tail + (query.isEmpty() ? "" : "?" + query) + " auth=" + auth + " type=" + contentType
                    + " headers=" + headers + " framing=" + framing + " body=" + b;
        }
    }

    /** @param server whether the answer came from the simulator, not from Jetty refusing the request line itself */
    record Answer(int status, String body, boolean server) {
    }

    @BeforeContainer
    static void start() {
        sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
        cloudToken = sim.control().issueTokens(CLOUD_TOKEN).accessToken();
    }

    /** The default scopes and the webhook scope, so the fuzzer reaches the webhook API's logic too. */
    static final TokenRequestSpec CLOUD_TOKEN = new TokenRequestSpec(null, "alice@acme.test", null,
            java.util.stream.Stream.concat(TokenRequestSpec.DEFAULT_SCOPES.stream(), java.util.stream.Stream.of("manage:jira-webhook")).toList());

    @AfterContainer
    static void stop() {
        System.out.println("BadInputProperties sent " + SENT.get() + " requests");
        sim.close();
    }

    /** A JSON value meant to break something: limits, instants, Unicode, length, depth. */
    static Arbitrary<String> hostileValue() {
        Arbitrary<String> numbers = Arbitraries.of("2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
                "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "0.0000001", "-0", "1E2", "NaN",
                "1".repeat(1001), "-" + "9".repeat(1000), "0x10", "01");
        Arbitrary<String> instants = Arbitraries.of("-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z", "2999-12-31T23:59:59Z", "3000-01-01T00:00:01Z", "9999-12-31T23:59:59.999Z", "2026-02-30T00:00:00Z",
                "2026-01-01T00:00:00+25:00", "yesterday").map(s -> "\"" + s + "\"");
        Arbitrary<String> unicode = Arbitraries.of("\\ud800", "\\udfff", "a\\ud83d", "\\ude00b", "\\ud83d\\ude00", "\\u0000", "\\\\ud800", "\u202e",
                "\\u0000\\ud800\\u0000", "\ud83d\ude00").map(s -> "\"" + s + "\"");
        Arbitrary<String> longStrings = Arbitraries.integers().between(4_000, 1_000_000)
                .map(n -> "\"" + (n % 3 == 0 ? "a".repeat(n) : n % 3 == 1 ? "\\\"".repeat(n / 2) : "é".repeat(n / 2)) + "\"")
                // No edge cases: jqwik computes them up front, and megabyte strings in every combination filled the heap.
                .withoutEdgeCases();
        Arbitrary<String> deep = Arbitraries.integers().between(990, 1010).map(n -> n % 2 == 0
                ? "[".repeat(n) + "]".repeat(n) : "{\"a\":".repeat(n) + "1" + "}".repeat(n)).withoutEdgeCases();
        Arbitrary<String> plain = Arbitraries.of("null", "true", "[]", "{}", "\"\"", "\"ACME-1\"", "\"project = ACME ORDER BY created\"",
                "\"created > startOfMonth(\\\"-9999999999M\\\")\"", "\"bogus:scope\"", "[null]", "[1]", "{\"type\":\"bogus\"}",
                "{\"type\":\"role\",\"value\":\"Developers\"}", "{\"bogus\":1}", "{\"type\":\"doc\",\"version\":1,\"content\":[]}", "1");
        Arbitrary<String> randomText = Arbitraries.strings().all().ofMaxLength(30).map(BadInputProperties::jsonString);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, numbers), net.jqwik.api.Tuple.of(3, instants), net.jqwik.api.Tuple.of(3, unicode),
                net.jqwik.api.Tuple.of(1, longStrings), net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(4, plain),
                net.jqwik.api.Tuple.of(2, randomText), net.jqwik.api.Tuple.of(2, Arbitraries.just("null")));
    }

    /** JQL a client could send that stresses the engine: extreme dates and increments, sorts without a direction, odd values. */
    static Arbitrary<String> hostileJql() {
        Arbitrary<String> increments = Arbitraries.of("-9999999999M", "+99999999y", "-99999999999d", "9223372036854775807", "-1w", "1", "-0", "2147483648h",
                "-9999999999999999999m", "");
        Arbitrary<String> functions = Combinators.combine(Arbitraries.of("startOfMonth", "endOfMonth", "startOfYear", "endOfDay", "startOfWeek", "now"),
                increments).as((f, i) -> f + "(" + (i.isEmpty() ? "" : "\"" + i + "\"") + ")");
        Arbitrary<String> operands = Arbitraries.oneOf(functions, increments.map(i -> "\"" + i + "\""),
                Arbitraries.of("9223372036854775807", "-9223372036854775808", "\"99999-01-01\"", "\"0001-01-01\"", "\"2026/02/30\""));
        Arbitrary<String> clauses = Combinators.combine(Arbitraries.of("created", "updated", "duedate", "resolved", "due"), Arbitraries.of(">", "<", ">=", "=", "!="),
                operands).as((f, o, v) -> f + " " + o + " " + v);
        Arbitrary<String> sorts = Arbitraries.of("", " ORDER BY created", " ORDER BY created DESC, key", " ORDER BY updated ASC, priority", " ORDER BY rank");
        return Combinators.combine(Arbitraries.oneOf(clauses, Arbitraries.of("project = ACME", "project in (ACME, \"\\u0000\")", "text ~ \"a\"")), sorts)
                .as((c, o) -> c + o);
    }

    /** A query-string value: limits, JQL, instants, junk. */
    static Arbitrary<String> hostileQueryValue() {
        return Arbitraries.oneOf(hostileJql(), hostileJql(), Arbitraries.of("2147483647", "2147483648", "-2147483648", "-1", "0", "99999999999", "*all", "-summary",
                "summary,*navigable"), hostileValue().map(v -> v.startsWith("\"") && v.endsWith("\"") && v.length() > 1 ? v.substring(1, v.length() - 1) : v));
    }

    /** A request shaped like a real client's for one route, with one hostile value in it. */
    static Arbitrary<Fuzz> targeted() {
        Arbitrary<String> jsonValue = Arbitraries.oneOf(hostileValue(), hostileJql().map(BadInputProperties::jsonString));
        Arbitrary<String> type = Arbitraries.frequency(net.jqwik.api.Tuple.of(8, "application/json"), net.jqwik.api.Tuple.of(1, ";"),
                net.jqwik.api.Tuple.of(1, "application/json; charset=utf-16"), net.jqwik.api.Tuple.of(1, "text/plain"), net.jqwik.api.Tuple.of(1, ""));
        Arbitrary<List<String>> headers = Arbitraries.of(EXTRA_HEADERS).list().ofMaxSize(2);
        Arbitrary<Framing> framing = Arbitraries.frequency(net.jqwik.api.Tuple.of(12, Framing.LENGTH), net.jqwik.api.Tuple.of(3, Framing.CHUNKED),
                net.jqwik.api.Tuple.of(1, Framing.CHUNK_SIZE_BAD), net.jqwik.api.Tuple.of(1, Framing.CHUNK_EARLY_EOF));
        return Combinators.combine(Arbitraries.of(TARGETS), jsonValue, hostileQueryValue(), hostileQueryValue(), type, headers, framing)
                .as((t, v, q1, q2, ct, h, f) -> {
                    boolean query = t.method().equals("GET") || (t.method().equals("DELETE") && !t.template().contains("%s"));
                    String jqlText = jsonString(q1.contains(" ") ? q1 : "project = ACME ORDER BY created");
                    String q = query ? t.template().replace("%J", URLEncoder.encode(q1, StandardCharsets.UTF_8)).replaceFirst("%q", java.util.regex.Matcher.quoteReplacement(URLEncoder.encode(q1, StandardCharsets.UTF_8)))
                            .replaceFirst("%q", java.util.regex.Matcher.quoteReplacement(URLEncoder.encode(q2, StandardCharsets.UTF_8))) : "";
                    String body = query ? "" : t.template().replace("%s", v).replace("%j", jqlText);
                    var hs = new ArrayList<>(h);
                    if (t.route().startsWith("/nango/proxy")) {
                        hs.add("Provider-Config-Key: jira");
                        hs.add("Connection-Id: alice-acme");
                    }
                    // A %q in the route is a hostile path segment (an issue link id, say).
                    String route = t.route().replace("%q", URLEncoder.encode(q2, StandardCharsets.UTF_8));
                    return new Fuzz(t.method(), route, "", q, t.credential(), query ? "" : ct, hs, body, query ? Framing.LENGTH : f);
                });
    }

    static Arbitrary<String> bodies() {
        Arbitrary<String> templated = Combinators.combine(Arbitraries.of(TEMPLATES), hostileValue()).as((t, v) -> t.replace("%s", v));
        Arbitrary<String> loose = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("{}[]\":,\\\u0000\u202e\ud83d\ude00 ").ofMaxLength(30),
                Arbitraries.of("", "null", "[]", "{}", "[1]", "\"text\"", "-1", "grant_type=authorization_code&code=%00&redirect_uri=http://x",
                        "grant_type=refresh_token&refresh_token=" + "x".repeat(5000), "version: 1\nusers: [{accountId: x}]",
                        "sites: [{subdomain: \"\\ud800\"}]", "auth: {accessTokenSeconds: 9223372036854775807}", "a".repeat(5000)),
                hostileValue());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, templated), net.jqwik.api.Tuple.of(2, loose));
    }

    @Provide
    Arbitrary<Fuzz> requests() {
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("jql", "maxResults", "startAt", "nextPageToken", "fields", "client_id", "scope",
                        "redirect_uri", "state", "provider_config_key", "force_refresh", "validation", "validateQuery", "connect_session_token",
                        "params[subdomain]", "format", "code", "limit", "page", "orderBy", "returnIssue", "deleteSubtasks"),
                        Arbitraries.oneOf(hostileValue().map(v -> v.startsWith("\"") && v.endsWith("\"") && v.length() > 1 ? v.substring(1, v.length() - 1) : v),
                                Arbitraries.of("2147483647", "-2147483648", "99999999999", "created > startOfMonth(\"-9999999999M\")",
                                        "project = ACME ORDER BY created", "-1")))
                        .as((k, v) -> URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Arbitrary<String> auth = Arbitraries.of("", "Bearer x", "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c", "Basic Zm9vOmJhcg==", "Basic amRvZTpqZG9l",
                "Bearer NDU2Nzg5MDEyMzQ1Ompkb2UtcGVyc29uYWwtdG9rZW4tMDE", "Bearer", "CLOUD", "CLOUD", DC_ADMIN_BASIC, "Basic", "Basic !!!", "Basic /w==");
        Arbitrary<List<String>> headers = Arbitraries.of(EXTRA_HEADERS).list().ofMaxSize(3);
        Arbitrary<Framing> framing = Arbitraries.frequency(net.jqwik.api.Tuple.of(12, Framing.LENGTH), net.jqwik.api.Tuple.of(3, Framing.CHUNKED),
                net.jqwik.api.Tuple.of(1, Framing.CHUNK_SIZE_BAD), net.jqwik.api.Tuple.of(1, Framing.CHUNK_SIZE_NEGATIVE),
                net.jqwik.api.Tuple.of(1, Framing.CHUNK_EARLY_EOF));
        Arbitrary<String> tails = Arbitraries.of(PATH_TAILS);
        Arbitrary<Fuzz> random = Combinators.combine(Arbitraries.of(METHODS), Arbitraries.of(ROUTES), tails, query, auth, Arbitraries.of(CONTENT_TYPES),
                headers, bodies()).flatAs((m, r, t, q, a, ct, h, b) -> framing.map(f -> new Fuzz(m, r, t, q, a, ct, h, b, f)));
        // Half shaped like real clients' requests (deep in the routes), half anything at all (the edges).
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, targeted()), net.jqwik.api.Tuple.of(1, random));
    }

    @Property
    void neverAServerErrorNorAStackTraceAndRejectionsChangeNothing(@ForAll("requests") Fuzz f) throws Exception {
        check(f);
    }

    private static String lastWorld;

    static void check(Fuzz f) throws IOException {
        sim.control().clearFaults();
        sim.control().clearJournal();
        String before = WorldFiles.toJson(sim.control().exportWorld());
        var clockBefore = sim.control().now();
        Answer r = send(f);
        SENT.incrementAndGet();
        String body = r.body();
        if (r.status() >= 400) {
            // Any error, 5xx included, leaves the world and a frozen clock as they were.
            assertEquals(before, WorldFiles.toJson(sim.control().exportWorld()), () -> f + " was refused with " + r.status() + " but changed the world");
            if (sim.control().clockFrozen()) assertEquals(clockBefore, sim.control().now(), () -> f + " was refused but moved the clock");
        }
        assertTrue(r.status() < 500 || isDeliberate(f, r), () -> f + " answered " + r.status() + ": " + shorten(body));
        assertFalse(body.contains("at dev.jirasim") || body.contains("Exception") || body.contains("java.lang") || body.contains("java.util"),
                () -> f + " leaked internals: " + shorten(body));
        // An accepted control request may have replaced the world or moved the clock: back to the default world.
        if (r.status() < 300 && f.route().startsWith("/__admin/")) sim.control().reset();
        // Every request that reached the simulator is journaled (a journal that failed quietly once hid a regex overflow).
        boolean reachedUs = r.server() && !f.route().startsWith("/__admin") && !f.route().startsWith("/t/");
        if (reachedUs) assertFalse(sim.control().journal().isEmpty(), () -> f + " answered " + r.status() + " but was not journaled");
        // Whatever happened, every user can still search (stored poison would break this for everyone).
        String search = C + "/3/search/jql?jql=" + URLEncoder.encode("project = ACME", StandardCharsets.UTF_8) + "&fields=summary,labels,comment";
        Answer canary = get(search);
        if (canary.status() == 401) { // the request revoked tokens, moved the clock or reset the world: a fresh token
            cloudToken = sim.control().issueTokens(CLOUD_TOKEN).accessToken();
            canary = get(search);
        }
        Answer seen = canary;
        assertEquals(200, seen.status(), () -> "search broke after " + f + ": " + shorten(seen.body()));
    }

    private static String shorten(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    /**
     * Deliberate 5xx: Jira DC's token endpoint answers a JSON body with a 500 (fidelity, not a crash), and a
     * feature the simulator does not have is an honest 501.
     */
    private static boolean isDeliberate(Fuzz f, Answer r) {
        if (r.status() == 501 && r.body().contains("not simulated")) return true;
        return r.status() == 500 && f.route().endsWith("/rest/oauth2/latest/token") && f.contentType().toLowerCase().startsWith("application/json");
    }

    private static Answer get(String path) throws IOException {
        return send(new Fuzz("GET", path, "", "", "CLOUD", "", List.of(), "", Framing.LENGTH));
    }

    /** Writes the request by hand on a fresh connection and reads the whole answer. */
    static Answer send(Fuzz f) throws IOException {
        var uri = java.net.URI.create(sim.baseUrl());
        String target = f.route() + f.tail() + (f.query().isEmpty() ? "" : "?" + f.query());
        var head = new StringBuilder(f.method()).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        String auth = f.auth().equals("CLOUD") ? "Bearer " + cloudToken : f.auth();
        if (!auth.isEmpty()) head.append("Authorization: ").append(auth).append("\r\n");
        if (!f.contentType().isEmpty()) head.append("Content-Type: ").append(f.contentType()).append("\r\n");
        for (String h : f.headers()) head.append(h.replace("\u0000", "%00")).append("\r\n");
        byte[] body = f.method().equals("GET") ? new byte[0] : f.body().getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream();
        switch (f.framing()) {
            case LENGTH -> {
                head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
                out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                out.writeBytes(body);
            }
            case CHUNKED -> {
                head.append("Transfer-Encoding: chunked\r\n\r\n");
                out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body.length > 0) {
                    out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(body);
                    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case CHUNK_SIZE_BAD, CHUNK_SIZE_NEGATIVE, CHUNK_EARLY_EOF -> {
                head.append("Transfer-Encoding: chunked\r\n\r\n");
                out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                String size = f.framing() == Framing.CHUNK_SIZE_BAD ? "zz" : f.framing() == Framing.CHUNK_SIZE_NEGATIVE ? "-5"
                        : Integer.toHexString(body.length + 16);
                out.writeBytes((size + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(body);
                if (f.framing() != Framing.CHUNK_EARLY_EOF) out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream o = s.getOutputStream();
            try {
                o.write(out.toByteArray());
                o.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // The server may answer (and close) before reading a large body; the answer is what counts.
            }
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            if (!text.startsWith("HTTP/1.1 ") || space < 0 || text.length() < space + 4) throw new IOException("no HTTP answer to " + f + ": " + shorten(text));
            int status = Integer.parseInt(text.substring(space + 1, space + 4));
            int bodyStart = text.indexOf("\r\n\r\n");
            String answerHead = bodyStart < 0 ? text : text.substring(0, bodyStart).toLowerCase(java.util.Locale.ROOT);
            // Jetty's own refusals (an ambiguous URI, say) carry no Content-Type or its ISO-8859-1 HTML page.
            boolean server = answerHead.contains("\r\ncontent-type:") && !answerHead.contains("charset=iso-8859-1");
            return new Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4), server);
        }
    }

    static String jsonString(String s) {
        var sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || Character.isSurrogate(c)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    // ---- every failure found so far, fixed beside the property (issue 14) --------------------------------------

    private static Fuzz post(String route, String contentType, String body) {
        return new Fuzz("POST", route, "", "", route.startsWith(C) ? "CLOUD" : "", contentType, List.of(), body, Framing.LENGTH);
    }

    @Example
    void deepArrayToTheTokenEndpoint() throws IOException {
        check(post("/auth/oauth/token", "application/json", "[".repeat(1001) + "]".repeat(1001)));
        check(post("/auth/oauth/token", "application/json", "{\"grant_type\":" + "1".repeat(1001) + "}"));
    }

    @Example
    void longStringsInBodies() throws IOException {
        check(post(C + "/2/issue", "application/json", TEMPLATES.get(0).replace("%s", "\"" + "x".repeat(20_000) + "\"")));
        check(new Fuzz("PUT", "/__admin/clock", "", "", "", "application/json", List.of(), "{\"now\":\"" + "9".repeat(300_000) + "\"}", Framing.LENGTH));
    }

    @Example
    void sortWithoutDirectionAndExtremeDates() throws IOException {
        check(post(C + "/3/jql/parse", "application/json", "{\"queries\":[\"project = ACME ORDER BY created\"]}"));
        check(new Fuzz("GET", C + "/3/search/jql", "", "jql=" + URLEncoder.encode("created > startOfMonth(\"-9999999999M\")", StandardCharsets.UTF_8),
                "CLOUD", "", List.of(), "", Framing.LENGTH));
    }

    @Example
    void oddContentTypesAndPaths() throws IOException {
        check(post("/auth/oauth/token", ";", "x"));
        check(new Fuzz("GET", "/api/ex/jira/%u002e/rest/api/3/myself", "", "", "CLOUD", "", List.of(), "", Framing.LENGTH));
    }

    @Example
    void commentsAndPaging() throws IOException {
        check(post(C + "/3/issue/ACME-1/comment", "application/json", "{\"body\":1}"));
        check(post(C + "/2/issue/ACME-1/comment", "application/json", "{\"body\":true}"));
        check(new Fuzz("GET", C + "/3/issue/ACME-1/comment", "", "startAt=2147483647", "CLOUD", "", List.of(), "", Framing.LENGTH));
        check(new Fuzz("GET", C + "/3/project/search", "", "maxResults=-2147483648", "CLOUD", "", List.of(), "", Framing.LENGTH));
    }

    @Example
    void nangoProxyHeaders() throws IOException {
        var base = new ArrayList<>(List.of("Provider-Config-Key: jira", "Connection-Id: alice-acme"));
        for (String extra : List.of("Retry-On: 999999999999", "Nango-Proxy-Host: x", "Nango-Proxy-Content-Length: 3", "Nango-Proxy-Connection: close",
                "Nango-Proxy-Expect: 100-continue")) {
            var headers = new ArrayList<>(base);
            headers.add(extra);
            check(new Fuzz("GET", "/nango/proxy/ex/jira/" + ACME + "/rest/api/3/myself", "", "", "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c", "",
                    headers, "", Framing.LENGTH));
        }
    }

    @Example
    void brokenChunkedFraming() throws IOException {
        for (Framing f : List.of(Framing.CHUNK_SIZE_BAD, Framing.CHUNK_SIZE_NEGATIVE, Framing.CHUNK_EARLY_EOF)) {
            check(new Fuzz("POST", "/auth/oauth/token", "", "", "", "application/json", List.of(), "{\"grant_type\":\"x\"}", f));
        }
    }

    @Example
    void malformedBasicHeadersOnDataCenter() throws IOException {
        for (String header : BAD_BASIC) {
            for (String path : List.of("/dc/dc1/rest/api/2/myself", "/dc/dc1/rest/api/latest/search", "/dc/dc1/rest/oauth2/latest/token")) {
                check(new Fuzz("GET", path, "", "", header, "application/json", List.of(), "", Framing.LENGTH));
            }
        }
        check(new Fuzz("POST", "/dc/dc1/rest/api/2/issue", "", "", DC_ADMIN_BASIC, "application/json", List.of(),
                "{\"fields\":{\"project\":{\"key\":\"DCP\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":[null]}}", Framing.LENGTH));
    }

    @Example
    void worldsAndClock() throws IOException {
        check(new Fuzz("PUT", "/__admin/world", "", "", "", "application/json", List.of(), "{\"apps\":[null]}", Framing.LENGTH));
        check(new Fuzz("PUT", "/__admin/world", "", "", "", "application/json", List.of(), "{\"auth\":{\"accessTokenSeconds\":9223372036854775807}}", Framing.LENGTH));
        check(post("/__admin/clock/advance", "application/json", "{\"seconds\":9223372036854775807}"));
        check(new Fuzz("PUT", "/__admin/clock", "", "", "", "application/json", List.of(), "{\"now\":\"-1000000000-01-01T00:00:00Z\"}", Framing.LENGTH));
        check(post("/__admin/tenants", "application/json", "{\"world\":{\"sites\":{}}}"));
    }

    @Example
    void storedPoison() throws IOException {
        check(post(C + "/2/issue", "application/json", TEMPLATES.get(0).replace("%s", "\"\\ud800\"")));
    }

    @Example
    void silentTwoHundreds() throws IOException {
        // These answered 2xx and changed data; a random property cannot know they should fail, so the examples say so.
        for (Fuzz f : List.of(
                post(C + "/2/issue/ACME-1/comment", "application/json", "{\"body\":\"hi\",\"visibility\":{\"type\":\"bogus\"}}"),
                post(C + "/3/issue/ACME-1/comment", "application/json", "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[]}}"),
                new Fuzz("PUT", C + "/2/issue/ACME-1", "", "", "CLOUD", "application/json", List.of(),
                        "{\"fields\":{\"summary\":\"new\"},\"update\":{\"labels\":[{\"bogus\":1}]}}", Framing.LENGTH),
                new Fuzz("PUT", C + "/2/issue/ACME-1", "", "", "CLOUD", "application/json", List.of(),
                        "{\"fields\":{\"summary\":\"new\"},\"update\":{\"summary\":[{\"set\":\"x\"}]}}", Framing.LENGTH),
                post(C + "/2/issue/ACME-1/transitions", "application/json", "{\"transition\":{\"id\":\"21\"},\"fields\":{\"bogus\":1}}"),
                post(C + "/2/issue", "application/json", TEMPLATES.get(0).replace("%s", "5")),
                post("/__admin/tokens", "application/json", "{\"user\":\"alice@acme.test\",\"scopes\":[\"bogus:scope\"]}"))) {
            assertEquals(400, send(f).status(), f::toString);
            check(f);
        }
    }
}
