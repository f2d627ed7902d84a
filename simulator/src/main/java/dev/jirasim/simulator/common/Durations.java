package dev.jirasim.simulator.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's duration strings ({@code 1w 2d 3h 30m}), with Jira's default working time: a day is 8 hours, a week 5
 * days (what a new Cloud site and a new Data Center instance both use). A number without a unit is minutes; fractions are allowed ({@code 1.5h}); units may run together
 * ({@code 1h30m}). Formatting writes the largest units first and leaves out zero parts, as Jira's
 * {@code timeSpent} does ({@code 5400} → {@code 1h 30m}).
 */
public final class Durations {
    public static final long MINUTE = 60;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 8 * HOUR;
    public static final long WEEK = 5 * DAY;
    private static final Pattern PART = Pattern.compile("\\s*(\\d{1,9}(?:\\.\\d{1,6})?)\\s*([wdhm]?)\\s*", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /** Seconds, rounded to the minute; null when the text is not a duration. */
    public static Long parse(String text) {
        if (text == null || text.isBlank() || text.length() > 100) return null;
        Matcher m = PART.matcher(text);
        int at = 0;
        double seconds = 0;
        boolean bare = false;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at || m.end() == at) return null;
            String unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (unit.isEmpty()) {
                if (bare) return null; // "1 2": two numbers without units
                bare = true;
            }
            double n = Double.parseDouble(m.group(1));
            seconds += n * switch (unit) {
                case "w" -> WEEK;
                case "d" -> DAY;
                case "h" -> HOUR;
                default -> MINUTE;
            };
            at = m.end();
        }
        if (seconds > 1e12) return null; // beyond any work a person logs
        return Math.round(seconds / MINUTE) * MINUTE;
    }

    public static String format(long seconds) {
        if (seconds < MINUTE) return "0m";
        var sb = new StringBuilder();
        long rest = seconds;
        for (long[] unit : new long[][] {{WEEK, 'w'}, {DAY, 'd'}, {HOUR, 'h'}, {MINUTE, 'm'}}) {
            long n = rest / unit[0];
            if (n == 0) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(n).append((char) unit[1]);
            rest -= n * unit[0];
        }
        return sb.toString();
    }
}
