package dev.jirasim.conformance.model;

import java.util.List;
import java.util.Map;

/** A scenario step: an HTTP exchange with the target, or a change through its control API. */
public sealed interface Step {
    String name();

    SourcePos pos();

    /**
     * An HTTP request with expectations and captures. {@code json} is a plain tree (maps, lists, scalars)
     * whose strings may hold templates; {@code body} is a raw body sent as is (after templating).
     * {@code compare} lists JSON paths ({@code $…}) and header names whose values a parity run compares
     * between two targets; other values legitimately differ there (tokens, ids, timestamps).
     */
    record HttpStep(String name, SourcePos pos, String method, String url, Map<String, String> headers,
                    Map<String, String> query, Map<String, String> form, Object json, String body,
                    boolean followRedirects, Expectation expect, List<Capture> captures, Retry retry, List<String> compare) implements Step {
    }

    /**
     * Sends an HTTP step's request again, at most {@code times} times in all, {@code intervalMillis} apart, until the
     * response meets {@code until} (null: the step's own expectations): for reads a live service answers eventually
     * (a search index catching up with a write). Then the step's expectations and captures apply to that response.
     */
    record Retry(int times, long intervalMillis, Expectation until) {
    }

    /**
     * Sets variables (each value a template, rendered when the step runs): how a shared flow gets its parameters
     * and hands its captures back under the names the scenario chose.
     */
    record LetStep(String name, SourcePos pos, Map<String, String> values) implements Step {
    }

    /**
     * Waits (up to {@code timeoutMillis}) for a request to the scenario's webhook receiver, {@code ${webhookUrl}},
     * that meets {@code expect} (headers, JSON, body text; no status) and was not taken by an earlier step; then
     * captures from it like an HTTP step does from a response. Needs the {@code webhooks} capability.
     */
    record WebhookStep(String name, SourcePos pos, long timeoutMillis, Expectation expect, List<Capture> captures) implements Step {
    }

    /** A control-API step; it needs the target capability its kind names. */
    record ControlStep(String name, SourcePos pos, Kind kind, Object argument) implements Step {
        public enum Kind {
            RESET("reset", Capability.SEED), SEED("seed", Capability.SEED), ADVANCE_CLOCK("advanceClock", Capability.CLOCK),
            SET_CLOCK("setClock", Capability.CLOCK), CONSENT("consent", Capability.CONSENT_AUTOMATION),
            FAULT("fault", Capability.FAULTS), CLEAR_FAULTS("clearFaults", Capability.FAULTS);

            public final String key;
            public final String capability;

            Kind(String key, String capability) {
                this.key = key;
                this.capability = capability;
            }
        }
    }
}
