package dev.jirasim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the load run and the cold start as SVG bar charts for docs/performance.md, from the same figures as its tables.
 * <pre>
 *   java -cp bench/target/benchmarks.jar dev.jirasim.bench.Charts --load bench/target/perf/load.tsv \
 *        --cold bench/target/perf/cold.tsv [--run 2026-11-23] [--out docs/images]
 * </pre>
 * {@code --load} and {@code --cold} also take a Markdown file holding the table ({@code load.md}, or docs/performance.md
 * itself). Writes {@code throughput.svg} (requests per second, then p50 and p99 latency, per route) and
 * {@code cold-start.svg} (median launch to first answer, with the fastest and slowest runs) into {@code --out}.
 */
public final class Charts {
    static final String THROUGHPUT = "throughput.svg";
    static final String COLD_START = "cold-start.svg";
    private static final int WIDTH = 860;
    private static final int MARGIN = 16;
    /** Room right of the longest bar for its value. */
    private static final int VALUE_ROOM = 150;
    /** Bar colours by whose server answers, and a lighter shade of each for p50. */
    private static final Map<String, String[]> KINDS = Map.of(
            "Jirasim", new String[] {"#0c66e4", "#85b8ff"},
            "bare Javalin (our stack, nothing else)", new String[] {"#626f86", "#b3b9c4"},
            "WireMock", new String[] {"#c25100", "#f5b97f"});
    /** Value labels sit on a white halo, so the dashed baseline and grid lines never run through their digits. */
    private static final String VALUE = "font-size=\"12\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\"";
    private static final String VALUE_SMALL = VALUE.replace("font-size=\"12\"", "font-size=\"11\"") + " fill=\"" + Svg.MUTED + "\"";
    private static final List<String> KIND_ORDER = List.of("Jirasim", "bare Javalin (our stack, nothing else)", "WireMock");

    private Charts() {
    }

    public static void main(String[] args) throws Exception {
        var opts = Cli.options(args);
        if (!opts.containsKey("load") || !opts.containsKey("cold")) {
            System.err.println("usage: Charts --load load.tsv|load.md --cold cold.tsv|cold.md [--run DATE] [--out docs/images]");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(opts.getOrDefault("out", "docs/images")));
        String run = opts.getOrDefault("run", "");
        Files.writeString(out.resolve(THROUGHPUT), throughput(Figures.readLoad(Path.of(opts.get("load"))), run));
        Files.writeString(out.resolve(COLD_START), coldStart(Figures.readCold(Path.of(opts.get("cold"))), run));
        System.out.println("charts in " + out + ": " + THROUGHPUT + ", " + COLD_START);
    }

    static String kind(String name) {
        return name.startsWith("bare Javalin") ? KIND_ORDER.get(1) : name.startsWith("WireMock") ? KIND_ORDER.get(2) : KIND_ORDER.get(0);
    }

    static String throughput(Figures.Table<Figures.Load> t, String run) {
        List<Figures.Load> rows = t.rows();
        var desc = new StringBuilder("Per route: requests per second (ratio to the baseline), p50 and p99 latency (p99 ratio to the baseline). ");
        for (Figures.Load r : rows) {
            desc.append(String.format(Locale.ROOT, "%s%s: %,.0f requests/s (%.2f×), p50 %.2f ms, p99 %.2f ms (%.2f×). ",
                    r.route(), r.baseline() ? " (baseline)" : "", r.rps(), r.ratio(), r.p50Ms(), r.p99Ms(), r.p99Ratio()));
        }
        double plotX = MARGIN + labelWidth(rows.stream().map(Charts::label).toList());
        double plotW = WIDTH - plotX - MARGIN - VALUE_ROOM;
        String title = "Requests per second and latency per route" + on(run);
        var svg = new Svg(WIDTH, title, desc.toString().strip());
        double y = header(svg, title, t.caption(), rows.stream().map(r -> kind(r.route())).toList(), false);

        y = panelHeading(svg, y, "Requests per second (longer is better)");
        var rps = Svg.Axis.upTo(rows.stream().mapToDouble(Figures.Load::rps).max().orElse(0));
        int rpsRow = 24;
        double next = grid(svg, plotX, plotW, y, y + rows.size() * rpsRow, rps, v -> String.format(Locale.ROOT, "%,.0f", v),
                baseline(rows, Figures.Load::rps, rps.max(), plotW));
        for (Figures.Load r : rows) {
            String[] colour = KINDS.get(kind(r.route()));
            rowLabel(svg, plotX, y + 16, label(r), r.baseline());
            double w = r.rps() / rps.max() * plotW;
            svg.rect(plotX, y + 4, w, 15, colour[0], "bar rps", String.format(Locale.ROOT, "%s: %,.0f requests/s", r.route(), r.rps()));
            svg.text(plotX + w + 6, y + 16, String.format(Locale.ROOT, "%,.0f · %.2f×", r.rps(), r.ratio()), VALUE);
            y += rpsRow;
        }

        y = panelHeading(svg, next + 16, "Latency in ms: p50 (light) and p99 (dark), shorter is better");
        var ms = Svg.Axis.upTo(rows.stream().mapToDouble(Figures.Load::p99Ms).max().orElse(0));
        int latencyRow = 36;
        next = grid(svg, plotX, plotW, y, y + rows.size() * latencyRow, ms, v -> trim(v) + " ms", baseline(rows, Figures.Load::p99Ms, ms.max(), plotW));
        for (Figures.Load r : rows) {
            String[] colour = KINDS.get(kind(r.route()));
            rowLabel(svg, plotX, y + 21, label(r), r.baseline());
            double w50 = r.p50Ms() / ms.max() * plotW;
            double w99 = r.p99Ms() / ms.max() * plotW;
            svg.rect(plotX, y + 4, w50, 11, colour[1], "bar p50", String.format(Locale.ROOT, "%s: p50 %.2f ms", r.route(), r.p50Ms()));
            svg.text(plotX + w50 + 6, y + 14, String.format(Locale.ROOT, "p50 %.2f ms", r.p50Ms()), VALUE_SMALL);
            svg.rect(plotX, y + 18, w99, 11, colour[0], "bar p99", String.format(Locale.ROOT, "%s: p99 %.2f ms", r.route(), r.p99Ms()));
            svg.text(plotX + w99 + 6, y + 28, String.format(Locale.ROOT, "p99 %.2f ms · %.2f×", r.p99Ms(), r.p99Ratio()), VALUE);
            y += latencyRow;
        }
        return svg.end(next + 8);
    }

    static String coldStart(Figures.Table<Figures.Cold> t, String run) {
        List<Figures.Cold> rows = t.rows();
        var desc = new StringBuilder("Per way of starting: median launch of a new JVM to its first answered request (ratio to the baseline), fastest and slowest run. ");
        for (Figures.Cold r : rows) {
            desc.append(String.format(Locale.ROOT, "%s: %.0f ms (%.2f×), fastest %.0f ms, slowest %.0f ms. ", r.start(), r.medianMs(), r.ratio(), r.fastestMs(), r.slowestMs()));
        }
        double plotX = MARGIN + labelWidth(rows.stream().map(Figures.Cold::start).toList());
        double plotW = WIDTH - plotX - MARGIN - VALUE_ROOM;
        String title = "Cold start: launch to first answer" + on(run);
        var svg = new Svg(WIDTH, title, desc.toString().strip());
        double y = header(svg, title, t.caption(), rows.stream().map(r -> kind(r.start())).toList(), true);
        y = panelHeading(svg, y, "Milliseconds: the bar is the median, the line runs from the fastest to the slowest run (shorter is better)");
        var scale = Svg.Axis.upTo(rows.stream().mapToDouble(Figures.Cold::slowestMs).max().orElse(0));
        double max = scale.max();
        int row = 30;
        double next = grid(svg, plotX, plotW, y, y + rows.size() * row, scale, v -> String.format(Locale.ROOT, "%,.0f ms", v),
                rows.stream().filter(Figures.Cold::baseline).findFirst().map(b -> b.medianMs() / max * plotW).orElse(-1.0));
        for (Figures.Cold r : rows) {
            String[] colour = KINDS.get(kind(r.start()));
            rowLabel(svg, plotX, y + 19, r.start(), r.baseline());
            double w = r.medianMs() / max * plotW;
            svg.rect(plotX, y + 6, w, 17, r.start().contains("AppCDS") ? colour[1] : colour[0], "bar median",
                    String.format(Locale.ROOT, "%s: median %.0f ms", r.start(), r.medianMs()));
            double x1 = plotX + r.fastestMs() / max * plotW;
            double x2 = plotX + r.slowestMs() / max * plotW;
            svg.line(x1, y + 14.5, x2, y + 14.5, Svg.INK, "stroke-width=\"1.5\" class=\"range\"");
            svg.line(x1, y + 9, x1, y + 20, Svg.INK, "stroke-width=\"1.5\"");
            svg.line(x2, y + 9, x2, y + 20, Svg.INK, "stroke-width=\"1.5\"");
            svg.text(Math.max(x2, plotX + w) + 6, y + 19, String.format(Locale.ROOT, "%.0f ms · %.2f×", r.medianMs(), r.ratio()), VALUE);
            y += row;
        }
        return svg.end(next + 8);
    }

    /** Title, the table's caption, where the figures come from, a legend of the kinds shown; returns where the first panel starts. */
    private static double header(Svg svg, String title, String caption, List<String> kinds, boolean appCds) {
        svg.text(MARGIN, 28, title, "font-size=\"16\" font-weight=\"600\"");
        svg.text(MARGIN, 48, caption, "font-size=\"12\" fill=\"" + Svg.MUTED + "\"");
        svg.text(MARGIN, 64, "The same figures as the table below it in docs/performance.md (bench/run.sh). Dashed line: the baseline.",
                "font-size=\"12\" fill=\"" + Svg.MUTED + "\"");
        double x = MARGIN;
        for (String k : KIND_ORDER) {
            if (!kinds.contains(k)) continue;
            svg.rect(x, 76, 12, 12, KINDS.get(k)[0], null, null);
            svg.text(x + 17, 86, k, "font-size=\"12\"");
            x += 17 + k.length() * 6.2 + 20;
        }
        if (appCds) {
            for (String k : KIND_ORDER) {
                if (!kinds.contains(k)) continue;
                svg.rect(x, 76, 12, 12, KINDS.get(k)[1], null, null);
                x += 14;
            }
            svg.text(x + 3, 86, "lighter: with AppCDS", "font-size=\"12\"");
        }
        return 104;
    }

    private static double panelHeading(Svg svg, double y, String text) {
        svg.text(MARGIN, y + 14, text, "font-weight=\"600\"");
        return y + 24;
    }

    private static void rowLabel(Svg svg, double plotX, double y, String label, boolean baseline) {
        svg.text(plotX - 8, y, label, "text-anchor=\"end\"" + (baseline ? " font-weight=\"600\"" : ""));
    }

    /**
     * Grid lines, tick labels under them and the baseline's dashed line, drawn before the bars so that bars and
     * their values lie on top; returns the y below the tick labels.
     */
    private static double grid(Svg svg, double plotX, double plotW, double top, double bottom, Svg.Axis axis,
                               java.util.function.DoubleFunction<String> format, double baselineX) {
        for (int i = 0; i <= axis.ticks(); i++) {
            double x = plotX + plotW * i / axis.ticks();
            svg.line(x, top, x, bottom, Svg.GRID, "");
            svg.text(x, bottom + 14, format.apply(axis.step() * i), "font-size=\"11\" text-anchor=\"middle\" fill=\"" + Svg.MUTED + "\"");
        }
        if (baselineX >= 0) svg.line(plotX + baselineX, top, plotX + baselineX, bottom, Svg.INK, "stroke-dasharray=\"4 3\" class=\"baseline\"");
        return bottom + 20;
    }

    private static double baseline(List<Figures.Load> rows, java.util.function.ToDoubleFunction<Figures.Load> value, double max, double plotW) {
        return rows.stream().filter(Figures.Load::baseline).findFirst().map(b -> value.applyAsDouble(b) / max * plotW).orElse(-1.0);
    }

    private static String label(Figures.Load r) {
        return r.route() + (r.baseline() ? " (baseline)" : "");
    }

    /** Width of the label column: about 6.8 px a character at 13 px, the labels right-aligned against the bars. */
    private static double labelWidth(List<String> labels) {
        return Math.min(380, labels.stream().mapToInt(String::length).max().orElse(10) * 6.8 + 12);
    }

    private static String on(String run) {
        return run.isBlank() ? "" : ", run of " + run;
    }

    /** A tick value without trailing zeros: 10, 2.5, 0.25. */
    private static String trim(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceFirst("\\.?0+$", "");
    }
}
