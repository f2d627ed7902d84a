package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.common.ErrorShape;
import dev.jirasim.simulator.common.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira's own error envelope, {@code {"errorMessages": [...], "errors": {field: message}}} (reference §5.2),
 * and the texts Jira uses. Texts the reference quotes are exact; the others are marked as our choice.
 */
public final class JiraErrors {
    public static final ErrorShape SHAPE = (status, code, message) -> body(List.of(message), Map.of());

    private JiraErrors() {
    }

    static Map<String, Object> body(List<String> messages, Map<String, String> errors) {
        var body = new LinkedHashMap<String, Object>();
        body.put("errorMessages", messages);
        body.put("errors", errors);
        return body;
    }

    public static Problem messages(int status, List<String> messages) {
        return Problem.withBody(status, String.join("; ", messages), body(messages, Map.of()));
    }

    public static Problem message(int status, String message) {
        return messages(status, List.of(message));
    }

    public static Problem fields(int status, Map<String, String> errors) {
        return Problem.withBody(status, errors.toString(), body(List.of(), errors));
    }

    /** A request over the world's rate limit: Jira's envelope with our message, and the limiter's headers. */
    public static Problem rateLimited(Map<String, String> headers) {
        return Problem.withBody(429, dev.jirasim.simulator.faults.RateLimiter.MESSAGE, body(List.of(dev.jirasim.simulator.faults.RateLimiter.MESSAGE), Map.of()), headers);
    }

    /** Documented: absent and invisible issues are indistinguishable. */
    public static Problem issueNotFound() {
        return message(404, "Issue does not exist or you do not have permission to see it.");
    }

    /** Documented for the removed legacy search, the same text for v2 and v3. */
    public static Problem legacySearchRemoved() {
        return message(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
                + "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046");
    }

    /** Documented for /search/jql. */
    public static Problem unbounded() {
        return message(400, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
    }

    public static Problem badRequest(String message) {
        return message(400, message);
    }

    /** The header whose presence means credentials were sent to the site host and rejected (jira-cloud-more.md §1.2). */
    public static final String LOGIN_REASON = "X-Seraph-LoginReason";
    public static final String AUTHENTICATED_FAILED = "AUTHENTICATED_FAILED";

    /** The site host without credentials on an endpoint that needs a user (reference §5.3, exact). */
    public static Problem notAuthenticated() {
        return message(401, "You are not authenticated. Authentication required to perform this operation.");
    }

    /**
     * The site host after a failed login on an endpoint that needs a user: the JSON variant of the reference's two
     * captures (jira-cloud-more.md §1.2). The {@code WWW-Authenticate} value is our choice (the exact one is unconfirmed).
     */
    public static Problem authenticationFailed(String subdomain) {
        var body = new LinkedHashMap<String, Object>();
        body.put("message", "Client must be authenticated to access this resource.");
        body.put("status-code", 401);
        return Problem.withBody(401, "Client must be authenticated to access this resource.", body, Map.of(LOGIN_REASON, AUTHENTICATED_FAILED,
                "WWW-Authenticate", "OAuth realm=\"https%3A%2F%2F" + subdomain + ".atlassian.net\""));
    }

    /** A subdomain no site of the world has: our choice of answer. */
    public static Problem noSuchSite(String subdomain) {
        return message(404, "No Jira site " + subdomain + ".atlassian.net here.");
    }

    /** Our choice (real text unconfirmed). */
    public static Problem forbidden(String action) {
        return message(403, "You do not have permission to " + action + ".");
    }
}
