package dev.jirasim.conformance.model;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One behaviour, checked by steps run in order against a target.
 *
 * @param liveSafe    may run against a live service: it needs no control API and only the target's own variables
 * @param destructive it writes to the target (and undoes that in {@code cleanup})
 * @param cleanup     steps run after the others whatever happened to them (each skipped when a variable it needs was
 *                    never captured: nothing was made, so nothing is left to remove)
 */
public record Scenario(String id, String title, String description, List<String> tags, Set<String> requires,
                       Path fixture, List<Step> steps, SourcePos pos, boolean liveSafe, boolean destructive, List<Step> cleanup) {

    public Scenario(String id, String title, String description, List<String> tags, Set<String> requires, Path fixture, List<Step> steps, SourcePos pos) {
        this(id, title, description, tags, requires, fixture, steps, pos, false, false, List.of());
    }

    /** Declared capabilities plus those its control and webhook steps and fixture imply. */
    public Set<String> neededCapabilities() {
        var needed = new LinkedHashSet<>(requires);
        if (fixture != null) needed.add(Capability.SEED);
        for (Step s : allSteps()) {
            if (s instanceof Step.ControlStep c) needed.add(c.kind().capability);
            if (s instanceof Step.WebhookStep) needed.add(Capability.WEBHOOKS);
        }
        return needed;
    }

    /** The steps, then the cleanup steps. */
    public List<Step> allSteps() {
        if (cleanup.isEmpty()) return steps;
        var all = new java.util.ArrayList<>(steps);
        all.addAll(cleanup);
        return List.copyOf(all);
    }
}
