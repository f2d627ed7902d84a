package dev.jirasim.simulator.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jira's {@code timetracking} field ({@code TimeTrackingDetails}), the same on Cloud and Data Center: each estimate and
 * the time spent as a duration ({@code 1d 2h}) and in seconds; a member without a value is left out.
 */
public final class TimeTrackingDetails {
    private TimeTrackingDetails() {
    }

    public static Map<String, Object> of(Long originalSeconds, Long remainingSeconds, Long spentSeconds) {
        var m = new LinkedHashMap<String, Object>();
        if (originalSeconds != null) m.put("originalEstimate", Durations.format(originalSeconds));
        if (remainingSeconds != null) m.put("remainingEstimate", Durations.format(remainingSeconds));
        if (spentSeconds != null) m.put("timeSpent", Durations.format(spentSeconds));
        if (originalSeconds != null) m.put("originalEstimateSeconds", originalSeconds);
        if (remainingSeconds != null) m.put("remainingEstimateSeconds", remainingSeconds);
        if (spentSeconds != null) m.put("timeSpentSeconds", spentSeconds);
        return m;
    }
}
