package dev.jirasim.simulator.world;

import dev.jirasim.simulator.common.Durations;
import java.util.Map;

/**
 * How logging work moves an issue's remaining estimate ({@code adjustEstimate} and its companions, the same on Cloud
 * and Data Center): {@code auto} by the time logged (never below zero; an issue without an estimate keeps none, our
 * choice), {@code new} to {@code newEstimate}, {@code manual} down by {@code reduceBy} (logging) or up by
 * {@code increaseBy} (deleting), {@code leave} not at all.
 */
public record EstimateAdjustment(String mode, String newEstimate, String reduceBy, String increaseBy) {
    public EstimateAdjustment {
        if (mode == null || mode.isEmpty()) mode = "auto";
    }

    /** Whether Jira knows the mode; an unknown one is the caller's 400. */
    public boolean known() {
        return mode.equals("auto") || mode.equals("leave") || mode.equals("new") || mode.equals("manual");
    }

    /**
     * The remaining estimate after {@code spent} seconds are logged where {@code before} were (0 for a new worklog; for a
     * deletion {@code spent} is 0 and {@code reduce} false). A value that does not read as a duration is put in
     * {@code errors} under its parameter's name, with Jira's message, and the current estimate is returned.
     */
    public Long remainingAfter(Long current, long spent, long before, boolean reduce, Map<String, String> errors) {
        switch (mode) {
            case "auto":
                return current == null ? null : Math.max(0, current - (spent - before));
            case "new": {
                Long value = Durations.parse(newEstimate);
                if (value == null) errors.put("newEstimate", "You must supply a valid new estimate.");
                return value == null ? current : value;
            }
            case "manual": {
                Long by = Durations.parse(reduce ? reduceBy : increaseBy);
                if (by == null) {
                    errors.put(reduce ? "reduceBy" : "increaseBy", reduce ? "You must supply a valid amount of time to reduce the estimate by."
                            : "You must supply a valid amount of time to increase the estimate by.");
                    return current;
                }
                long base = current == null ? 0 : current;
                return reduce ? Math.max(0, base - by) : base + by;
            }
            default:
                return current;
        }
    }
}
