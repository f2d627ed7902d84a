package dev.jirasim.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.conformance.model.Capability;

/**
 * Requests to the control API ({@code ${admin}}) that a scenario writes as control steps: a recorded
 * {@code PUT /consent} becomes {@code - consent: …}, so the replay declares the capability it needs and runs
 * against any target whose control API speaks Jirasim's shapes. Only successful calls: a failed one stays an
 * HTTP step with its status.
 */
final class ControlRequests {
    record Mapped(Skeleton.Control step, String capability) {
    }

    private ControlRequests() {
    }

    static Mapped asStep(BaseUrls.Located at, RecordedExchange x, String name, Placeholders values) {
        if (!at.variable().equals("admin") || x.status() / 100 != 2) return null;
        JsonNode body = SessionConverter.parse(x.requestBody());
        String call = x.method() + " " + at.rest();
        return switch (call) {
            case "POST /reset" -> mapped(name, "reset", null, Capability.SEED);
            case "DELETE /faults" -> mapped(name, "clearFaults", null, Capability.FAULTS);
            case "PUT /consent" -> body != null && body.isObject() ? mapped(name, "consent", templated(body, values, name), Capability.CONSENT_AUTOMATION) : null;
            case "PUT /clock" -> body != null && body.isObject() ? mapped(name, "setClock", templated(body, values, name), Capability.CLOCK) : null;
            case "POST /clock/advance" -> body != null && body.path("seconds").canConvertToLong()
                    ? mapped(name, "advanceClock", body.get("seconds"), Capability.CLOCK) : null;
            case "POST /faults" -> body != null && body.isArray() && body.size() == 1
                    ? mapped(name, "fault", templated(body.get(0), values, name), Capability.FAULTS) : null;
            default -> null;
        };
    }

    private static JsonNode templated(JsonNode body, Placeholders values, String name) {
        return SessionConverter.templated(body, "", values, name.toLowerCase());
    }

    private static Mapped mapped(String name, String key, JsonNode argument, String capability) {
        return new Mapped(new Skeleton.Control(name + ": " + key, key, argument), capability);
    }
}
