package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.world.Issue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /issue/bulk} (create up to 50, each checked as {@code POST /issue} checks it, failures reported per
 * element) and {@code POST /issue/bulkfetch} (up to 100 issues by id or key, rendered as {@code GET /issue}).
 */
final class BulkService {
    static final int MAX_CREATE = 50;
    static final int MAX_FETCH = 100;
    private final IssueService issues = new IssueService();

    /** The answer and its status: 201 when any issue was created, 400 when none was. */
    record Result(int status, Map<String, Object> body) {
    }

    Result create(CloudCaller c, JsonNode body) {
        JsonNode updates = body.get("issueUpdates");
        if (updates == null || !updates.isArray()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        if (updates.size() > MAX_CREATE) {
            throw JiraErrors.badRequest("Too many issues: at most " + MAX_CREATE + " can be created in one request."); // our wording
        }
        var created = new ArrayList<Object>();
        var errors = new ArrayList<Object>();
        for (int n = 0; n < updates.size(); n++) {
            try {
                created.add(issues.create(c, updates.get(n)));
            } catch (Problem p) {
                var element = new LinkedHashMap<String, Object>();
                element.put("status", p.status());
                element.put("elementErrors", p.body() != null ? p.body() : JiraErrors.body(List.of(p.getMessage()), Map.of()));
                element.put("failedElementNumber", n);
                errors.add(element);
            }
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("issues", created);
        answer.put("errors", errors);
        return new Result(created.isEmpty() && !errors.isEmpty() ? 400 : 201, answer);
    }

    /** Issues the caller may not browse, or that do not exist, are left out; the rest come in ascending id order. */
    Map<String, Object> fetch(CloudCaller c, JsonNode body) {
        JsonNode refs = body.get("issueIdsOrKeys");
        if (refs == null || !refs.isArray() || refs.isEmpty() || refs.size() > MAX_FETCH) {
            throw JiraErrors.badRequest("Provide between 1 and " + MAX_FETCH + " issue ids or keys in 'issueIdsOrKeys'."); // our wording
        }
        var fields = strings(body, "fields");
        var expand = strings(body, "expand");
        strings(body, "properties");
        if (body.has("fieldsByKeys") && !body.get("fieldsByKeys").isNull() && !body.get("fieldsByKeys").isBoolean()) {
            throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        }
        var found = new LinkedHashMap<String, Issue>();
        for (JsonNode ref : refs) {
            if (!ref.isTextual()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            // Jira retries a key that matches nothing case-insensitively.
            c.world().jira().issue(c.site().subdomain(), ref.asText().toUpperCase(java.util.Locale.ROOT)).or(() -> c.world().jira().issue(c.site().subdomain(), ref.asText()))
                    .filter(i -> LinkService.browsable(c, i)).ifPresent(i -> found.put(i.id(), i));
        }
        var selection = FieldSelection.parse(fields, "*navigable");
        var expansion = IssueView.Expand.parse(String.join(",", expand));
        var list = new ArrayList<Object>();
        found.values().stream().sorted(Comparator.comparingLong(i -> Long.parseLong(i.id())))
                .forEach(i -> list.add(IssueView.of(c, i, selection, expansion)));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("issues", list);
        answer.put("issueErrors", List.of());
        return answer;
    }

    private static List<String> strings(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        var out = new ArrayList<String>();
        for (JsonNode n : v) {
            if (!n.isTextual()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            out.add(n.asText());
        }
        return out;
    }
}
