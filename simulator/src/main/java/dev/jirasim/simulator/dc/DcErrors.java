package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.common.ErrorShape;
import dev.jirasim.simulator.common.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira Data Center's error shapes, in one place: REST resources answer an Error Collection
 * {@code {"errorMessages":[…],"errors":{},"status":N}} (reference jira-data-center.md §3.1); the OAuth 2.0
 * token endpoint answers RFC 6749 errors {@code {"error":"…","error_description":"…"}}.
 */
public final class DcErrors {
    public static final ErrorShape SHAPE = (status, code, message) -> collection(status, message);
    static final String NOT_AUTHENTICATED = "You are not authenticated. Authentication required to perform this operation.";

    private DcErrors() {
    }

    static Map<String, Object> collection(int status, String message) {
        var m = new LinkedHashMap<String, Object>();
        m.put("errorMessages", message == null ? List.of() : List.of(message));
        m.put("errors", Map.of());
        m.put("status", status);
        return m;
    }

    /**
     * DC's 401 for a resource that needs a user and got none: an Error Collection without {@code status},
     * {@code {"errorMessages":["You are not authenticated. …"],"errors":{}}} (the text Jira's REST plugin
     * shares with Cloud; no {@code WWW-Authenticate} challenge, as DC allows anonymous access).
     */
    static Problem notAuthenticated() {
        var m = new LinkedHashMap<String, Object>();
        m.put("errorMessages", List.of(NOT_AUTHENTICATED));
        m.put("errors", Map.of());
        return Problem.withBody(401, NOT_AUTHENTICATED, m);
    }

    static Problem rest(int status, String message) {
        return Problem.withBody(status, message, collection(status, message));
    }

    /** Field errors of a create or edit: {@code {"errorMessages":[],"errors":{"field":"…"},"status":400}}. */
    static Problem fields(Map<String, String> errors) {
        var m = new LinkedHashMap<String, Object>();
        m.put("errorMessages", List.of());
        m.put("errors", errors);
        m.put("status", 400);
        return Problem.withBody(400, String.join("; ", errors.values()), m);
    }

    static Problem oauth(int status, String error, String description) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("error_description", description);
        return Problem.withBody(status, description, body);
    }
}
