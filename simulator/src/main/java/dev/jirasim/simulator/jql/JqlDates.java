package dev.jirasim.simulator.jql;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns date operands into instants: absolute dates ("2026-01-31", "2026/01/31 14:00") in the searcher's
 * zone, periods relative to now ("-7d", "4w 2d", units y M w d h m, largest first), epoch milliseconds
 * (Jira reads a bare number so), and the functions now(), startOf…() and endOf…() with an optional
 * increment. Weeks start on Sunday, Jira's default for English locales.
 */
final class JqlDates {
    private static final Pattern ABSOLUTE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?: (\\d{1,2}):(\\d{2}))?");
    private static final Pattern PERIOD = Pattern.compile(
            "([-+])?\\s*(?:(\\d+)y)?\\s*(?:(\\d+)M)?\\s*(?:(\\d+)w)?\\s*(?:(\\d+)d)?\\s*(?:(\\d+)h)?\\s*(?:(\\d+)m)?");
    private static final ChronoUnit[] PERIOD_UNITS = {ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.WEEKS, ChronoUnit.DAYS,
            ChronoUnit.HOURS, ChronoUnit.MINUTES};
    static final List<String> FUNCTIONS = List.of("now", "startofday", "endofday", "startofweek", "endofweek", "startofmonth",
            "endofmonth", "startofyear", "endofyear");

    /** Dates a JQL clause may name: those of four-digit years. Beyond them, millisecond arithmetic overflows. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private JqlDates() {
    }

    private static Instant inRange(Instant at) {
        return at == null || at.isBefore(EARLIEST) || at.isAfter(LATEST) ? null : at;
    }

    /** The instant an operand stands for, or null after adding Jira's error to {@code errors}. */
    static Instant resolve(Operand operand, String field, boolean dayOnly, SearchContext ctx, List<String> errors) {
        if (operand instanceof Operand.Num n) {
            Instant at = inRange(Instant.ofEpochMilli(n.value()));
            if (at == null) errors.add(JqlMessages.badDate(Long.toString(n.value()), field, dayOnly));
            return at;
        }
        if (operand instanceof Operand.Call call) {
            int before = errors.size();
            Instant at;
            try {
                at = inRange(function(call, field, ctx, errors));
            } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
                at = null;
            }
            if (at == null && errors.size() == before) errors.add(JqlMessages.badIncrement(call.name()));
            return at;
        }
        String text = ((Operand.Value) operand).text();
        Instant value = parse(text, dayOnly, ctx);
        if (value == null) errors.add(JqlMessages.badDate(text, field, dayOnly));
        return value;
    }

    static Instant parse(String text, boolean dayOnly, SearchContext ctx) {
        try {
            Matcher m = ABSOLUTE.matcher(text.trim());
            if (m.matches()) {
                if (dayOnly && m.group(4) != null) return null;
                LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
                return day.atTime(time).atZone(ctx.zone()).toInstant();
            }
            ZonedDateTime shifted = shift(ctx.now().atZone(ctx.zone()), text.trim(), null);
            return shifted == null ? null : inRange(shifted.toInstant());
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** Adds a period such as "-1w 2d" to {@code base}; a bare number uses {@code defaultUnit}. Null when malformed. */
    static ZonedDateTime shift(ZonedDateTime base, String period, ChronoUnit defaultUnit) {
        if (defaultUnit != null && period.matches("[-+]?\\d+")) {
            return base.plus(Long.parseLong(period.startsWith("+") ? period.substring(1) : period), defaultUnit);
        }
        Matcher m = PERIOD.matcher(period);
        if (period.isBlank() || !m.matches()) return null;
        boolean any = false;
        long sign = "-".equals(m.group(1)) ? -1 : 1;
        ZonedDateTime result = base;
        for (int i = 0; i < PERIOD_UNITS.length; i++) {
            String amount = m.group(i + 2);
            if (amount == null) continue;
            any = true;
            result = result.plus(Math.multiplyExact(sign, Long.parseLong(amount)), PERIOD_UNITS[i]);
        }
        return any ? result : null;
    }

    private static Instant function(Operand.Call call, String field, SearchContext ctx, List<String> errors) {
        String name = call.name().toLowerCase(Locale.ROOT);
        if (name.equals("currentuser")) {
            errors.add(JqlMessages.functionNotDate(call.name(), field));
            return null;
        }
        if (!FUNCTIONS.contains(name)) {
            errors.add(JqlMessages.unknownFunction(JqlPrinter.display(call)));
            return null;
        }
        ZonedDateTime now = ctx.now().atZone(ctx.zone());
        if (name.equals("now")) {
            if (!call.args().isEmpty()) errors.add(JqlMessages.argumentCount(call.name(), 0, call.args().size()));
            return call.args().isEmpty() ? now.toInstant() : null;
        }
        if (call.args().size() > 1) {
            errors.add(JqlMessages.argumentRange(call.name(), 0, 1, call.args().size()));
            return null;
        }
        ChronoUnit unit = name.endsWith("day") ? ChronoUnit.DAYS : name.endsWith("week") ? ChronoUnit.WEEKS
                : name.endsWith("month") ? ChronoUnit.MONTHS : ChronoUnit.YEARS;
        String increment = call.args().isEmpty() ? "0" : call.args().get(0).trim();
        ZonedDateTime moved;
        try {
            moved = shift(now, increment, unit);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            moved = null;
        }
        if (moved == null) {
            errors.add(JqlMessages.badIncrement(call.name()));
            return null;
        }
        // An increment in the function's own unit (or a larger one) picks another period: startOfMonth(-1) is the
        // first of last month. A finer one shifts the boundary: startOfWeek("+1d") is Monday.
        boolean coarse = increment.matches("[-+]?\\d+") || unitOf(increment).compareTo(unit) >= 0;
        ZonedDateTime anchor = coarse ? moved : now;
        ZonedDateTime start = startOf(anchor, unit);
        ZonedDateTime boundary = name.startsWith("start") ? start : start.plus(1, unit).minusNanos(1_000_000);
        if (!coarse) boundary = shift(boundary, increment, unit);
        return boundary.toInstant();
    }

    private static ChronoUnit unitOf(String increment) {
        char last = increment.charAt(increment.length() - 1);
        return switch (last) {
            case 'y' -> ChronoUnit.YEARS;
            case 'M' -> ChronoUnit.MONTHS;
            case 'w' -> ChronoUnit.WEEKS;
            case 'd' -> ChronoUnit.DAYS;
            case 'h' -> ChronoUnit.HOURS;
            default -> ChronoUnit.MINUTES;
        };
    }

    private static ZonedDateTime startOf(ZonedDateTime t, ChronoUnit unit) {
        ZonedDateTime day = t.truncatedTo(ChronoUnit.DAYS);
        return switch (unit) {
            case DAYS -> day;
            case WEEKS -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            case MONTHS -> day.withDayOfMonth(1);
            default -> day.withDayOfYear(1);
        };
    }
}
