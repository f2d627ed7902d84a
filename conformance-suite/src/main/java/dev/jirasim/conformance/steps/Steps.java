package dev.jirasim.conformance.steps;

import dev.jirasim.conformance.model.Capture;
import dev.jirasim.conformance.model.Expectation;
import dev.jirasim.conformance.model.Matcher;
import dev.jirasim.conformance.model.Step;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What one reads off a step without running it. */
public final class Steps {
    /** The base URL variables of the emulated services. */
    private static final java.util.Set<String> SERVICES = java.util.Set.of("auth", "api", "admin", "nango", "dc", "site");
    private Steps() {
    }

    /** The services whose base URL variable a scenario names ({@code ${dc}}, {@code ${nango}}, …). */
    public static java.util.Set<String> services(dev.jirasim.conformance.model.Scenario scenario) {
        var found = new java.util.TreeSet<String>();
        for (Step step : scenario.allSteps()) {
            for (String t : templates(step)) {
                for (String name : Templates.names(t)) if (SERVICES.contains(name)) found.add(name);
            }
        }
        return found;
    }

    /**
     * The variables a scenario reads that none of its own steps sets (by a capture or a let): the target (or its
     * bootstrap) must give them. Generated ({@code random.*}) and environment ({@code env.*}) names are not counted.
     */
    public static java.util.Set<String> inputs(dev.jirasim.conformance.model.Scenario scenario) {
        var set = new java.util.HashSet<String>();
        var read = new java.util.TreeSet<String>();
        for (Step step : scenario.allSteps()) {
            for (String t : templates(step)) {
                for (String name : Templates.names(t)) {
                    if (!name.startsWith("env.") && !name.startsWith("random.") && !set.contains(name)) read.add(name);
                }
            }
            if (step instanceof Step.HttpStep h) h.captures().forEach(c -> set.add(c.variable()));
            if (step instanceof Step.WebhookStep w) w.captures().forEach(c -> set.add(c.variable()));
            if (step instanceof Step.LetStep l) set.addAll(l.values().keySet());
        }
        return read;
    }

    /** Every template text a step holds: the variables it needs come from these. */
    public static List<String> templates(Step step) {
        var out = new ArrayList<String>();
        if (step instanceof Step.HttpStep h) {
            out.add(h.url());
            out.addAll(h.headers().values());
            out.addAll(h.query().values());
            out.addAll(h.form().values());
            tree(h.json(), out);
            out.add(h.body());
            expectation(h.expect(), out);
            for (Capture c : h.captures()) out.add(c.expression());
        } else if (step instanceof Step.WebhookStep w) {
            expectation(w.expect(), out);
        } else if (step instanceof Step.LetStep l) {
            out.addAll(l.values().values());
        } else if (step instanceof Step.ControlStep c) {
            tree(c.argument(), out);
        }
        return out;
    }

    private static void expectation(Expectation e, List<String> out) {
        for (Expectation.Check c : e.headers()) matchers(c, out);
        for (Expectation.Check c : e.json()) {
            out.add(c.target());
            matchers(c, out);
        }
        out.addAll(e.bodyContains());
    }

    private static void matchers(Expectation.Check c, List<String> out) {
        for (Matcher m : c.matchers()) tree(m.value(), out);
    }

    private static void tree(Object value, List<String> out) {
        if (value instanceof String s) out.add(s);
        else if (value instanceof Map<?, ?> m) m.forEach((k, v) -> {
            out.add(String.valueOf(k));
            tree(v, out);
        });
        else if (value instanceof Collection<?> c) c.forEach(v -> tree(v, out));
    }
}
