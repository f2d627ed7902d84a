package dev.jirasim.simulator.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.faults.Fault;
import dev.jirasim.simulator.faults.FaultRuleReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One answer of the control API, read: a 2xx body as the type a {@link SimulatorControl} method returns, a
 * refusal in the control API's error shape ({@code status}, {@code error}, {@code message}) as the exception
 * the in-process control would throw, anything else as a {@link ControlApiException}.
 */
record ControlAnswer(String method, String url, int status, String body) {
    private static final FaultRuleReader FAULT_RULES = new FaultRuleReader(ControlHttp.JSON);
    private static final int MAX_MESSAGE = 500;

    boolean ok() {
        return status / 100 == 2;
    }

    /** This answer if it is a 2xx, else a {@link ControlApiException}. */
    ControlAnswer orThrow() {
        if (ok()) return this;
        throw failure();
    }

    /** As {@link #orThrow()}, but a refusal with {@code refused} status becomes {@code exception} of the server's message. */
    ControlAnswer orThrow(int refused, Function<String, RuntimeException> exception) {
        String message = status == refused ? message() : null;
        if (message != null) throw exception.apply(message);
        return orThrow();
    }

    /** This answer unless it is a refusal with {@code refused} status: that becomes {@code exception} of the server's message. */
    ControlAnswer refusing(int refused, Function<String, RuntimeException> exception) {
        String message = status == refused ? message() : null;
        if (message != null) throw exception.apply(message);
        return this;
    }

    <T> T as(Class<T> type) {
        orThrow();
        try {
            T value = ControlHttp.JSON.readValue(body, type);
            if (value == null) throw new IllegalArgumentException("no value");
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw unreadable("JSON of " + type.getSimpleName(), e);
        }
    }

    /** {@code {"faults": [...]}}: each fault is its rule's members plus {@code id}, {@code remaining} and {@code hits}. */
    List<Fault> faults() {
        JsonNode listed = as(JsonNode.class).path("faults");
        var faults = new ArrayList<Fault>();
        try {
            for (JsonNode item : listed) {
                ObjectNode rule = ((ObjectNode) item).deepCopy();
                String id = rule.remove("id").asText();
                JsonNode remaining = rule.remove("remaining");
                JsonNode hits = rule.remove("hits");
                faults.add(new Fault(id, FAULT_RULES.read(rule).get(0),
                        remaining == null || remaining.isNull() ? null : remaining.intValue(), hits == null ? 0 : hits.longValue()));
            }
        } catch (RuntimeException e) {
            throw unreadable("a list of faults", e);
        }
        return faults;
    }

    /** A 2xx whose body is not what the call answers: another server, or a newer one that changed shape. */
    ControlApiException unreadable(String what, Exception cause) {
        var e = new ControlApiException(method, url, status, null, "not " + what + " (" + cause.getMessage() + "): " + excerpt());
        e.initCause(cause);
        return e;
    }

    private ControlApiException failure() {
        String message = message();
        JsonNode error = errorBody().path("error");
        return new ControlApiException(method, url, status, error.isTextual() ? error.asText() : null, message != null ? message : excerpt());
    }

    /** The server's message, or null when the body is not the control API's error shape (another server answered). */
    private String message() {
        JsonNode message = errorBody().path("message");
        return message.isTextual() ? message.asText() : null;
    }

    private JsonNode errorBody() {
        try {
            JsonNode node = body == null || body.isBlank() ? null : ControlHttp.JSON.readTree(body);
            return node == null ? ControlHttp.JSON.missingNode() : node;
        } catch (JsonProcessingException e) {
            return ControlHttp.JSON.missingNode();
        }
    }

    /** The body as a message shows it, secrets masked: an unreadable 200 may still carry tokens. */
    private String excerpt() {
        if (body == null || body.isBlank()) return "(no body)";
        String masked = Redact.body(body);
        return masked.length() <= MAX_MESSAGE ? masked : masked.substring(0, MAX_MESSAGE) + "…";
    }
}
