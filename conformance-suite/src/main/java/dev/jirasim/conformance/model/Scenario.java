package dev.jirasim.conformance.model;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One behaviour, checked by steps run in order against a target. */
public record Scenario(String id, String title, String description, List<String> tags, Set<String> requires,
                       Path fixture, List<Step> steps, SourcePos pos) {

    /** Declared capabilities plus those its control and webhook steps and fixture imply. */
    public Set<String> neededCapabilities() {
        var needed = new LinkedHashSet<>(requires);
        if (fixture != null) needed.add(Capability.SEED);
        for (Step s : steps) {
            if (s instanceof Step.ControlStep c) needed.add(c.kind().capability);
            if (s instanceof Step.WebhookStep) needed.add(Capability.WEBHOOKS);
        }
        return needed;
    }
}
