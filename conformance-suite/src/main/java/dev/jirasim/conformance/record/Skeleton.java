package dev.jirasim.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recorded session as a scenario to review: its steps, the base URLs it used and the variables the target must
 * add. {@link SkeletonYaml} writes it.
 */
record Skeleton(String id, String upstream, boolean againstTarget, List<Step> steps, Map<String, String> baseUrls,
                Collection<Placeholders.Supplied> supplied, Set<String> requires) {

    sealed interface Step permits Http, Control {
        String name();
    }

    /**
     * An HTTP step. Request values are already templated; {@code json} or {@code form} or {@code body} carries the
     * body (at most one). {@code captures} maps a variable to its capture spec in YAML.
     */
    record Http(String name, String method, String url, Map<String, String> headers, Map<String, String> query,
                Map<String, String> form, JsonNode json, String body, int status, Map<String, String> expectHeaders,
                List<Shapes.Check> expectJson, Map<String, String> captures) implements Step {
    }

    /** A control step ({@code consent}, {@code reset}, …) with its templated argument, or null for none. */
    record Control(String name, String key, JsonNode argument) implements Step {
    }
}
