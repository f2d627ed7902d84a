package dev.jirasim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The load run's and the cold start's figures as numbers, so the charts draw what the tables print. {@link LoadRun}
 * and {@link ColdStart} write a TSV beside their Markdown table ({@code load.md}, {@code load.tsv}); the same rows
 * can be read back from either, and from the tables of a {@code docs/performance.md} written before the TSVs existed.
 * A TSV starts with the table's caption as a {@code #} line, then a header line, then one row per line.
 */
final class Figures {
    /** One route of the load run: the medians over rounds, and the medians of the per-round ratios to the baseline. */
    record Load(String route, boolean baseline, double rps, double ratio, double p50Ms, double p99Ms, double p99Ratio, long non2xx) {
    }

    /** One way of starting a JVM: median, fastest and slowest launch to first answer, and the median's ratio to the baseline's. */
    record Cold(String start, boolean baseline, double medianMs, double ratio, double fastestMs, double slowestMs) {
    }

    /** A table's rows and its caption (the line above the table: how the figures were taken). */
    record Table<R>(String caption, List<R> rows) {
    }

    static final String LOAD_HEADER = "route\tbaseline\trequests_per_s\tx_baseline\tp50_ms\tp99_ms\tp99_x_baseline\tnon_2xx";
    static final String COLD_HEADER = "start\tbaseline\tmedian_ms\tx_baseline\tfastest_ms\tslowest_ms";

    private Figures() {
    }

    /** {@code dir/load.md} gives {@code dir/load.tsv}. */
    static Path tsvBeside(Path markdown) {
        String name = markdown.getFileName().toString();
        return markdown.resolveSibling((name.endsWith(".md") ? name.substring(0, name.length() - 3) : name) + ".tsv");
    }

    static String loadTsv(Table<Load> t) {
        var sb = new StringBuilder("# ").append(t.caption()).append('\n').append(LOAD_HEADER).append('\n');
        for (Load r : t.rows()) {
            sb.append(String.join("\t", r.route(), String.valueOf(r.baseline()), num(r.rps()), num(r.ratio()), num(r.p50Ms()),
                    num(r.p99Ms()), num(r.p99Ratio()), String.valueOf(r.non2xx()))).append('\n');
        }
        return sb.toString();
    }

    static String coldTsv(Table<Cold> t) {
        var sb = new StringBuilder("# ").append(t.caption()).append('\n').append(COLD_HEADER).append('\n');
        for (Cold r : t.rows()) {
            sb.append(String.join("\t", r.start(), String.valueOf(r.baseline()), num(r.medianMs()), num(r.ratio()), num(r.fastestMs()),
                    num(r.slowestMs()))).append('\n');
        }
        return sb.toString();
    }

    /** The load table from a TSV, or from the first Markdown table headed "Route" in the file. */
    static Table<Load> readLoad(Path file) throws IOException {
        if (file.toString().endsWith(".tsv")) {
            return tsv(file, LOAD_HEADER, c -> new Load(c[0], Boolean.parseBoolean(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]),
                    Double.parseDouble(c[4]), Double.parseDouble(c[5]), Double.parseDouble(c[6]), Long.parseLong(c[7])));
        }
        return markdown(file, "| Route |", c -> new Load(c[0].replace("**(baseline)**", "").strip(), c[0].contains("(baseline)"),
                number(c[1]), number(c[2]), number(c[3]), number(c[4]), number(c[5]), (long) number(c[6])));
    }

    /** The cold-start table from a TSV, or from the first Markdown table headed "Start" in the file. */
    static Table<Cold> readCold(Path file) throws IOException {
        if (file.toString().endsWith(".tsv")) {
            return tsv(file, COLD_HEADER, c -> new Cold(c[0], Boolean.parseBoolean(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]),
                    Double.parseDouble(c[4]), Double.parseDouble(c[5])));
        }
        return markdown(file, "| Start |", c -> new Cold(c[0], c[0].contains("(baseline)"), number(c[1]), number(c[2]), number(c[3]), number(c[4])));
    }

    private static <R> Table<R> tsv(Path file, String header, Function<String[], R> row) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() < 2 || !lines.get(0).startsWith("# ") || !lines.get(1).equals(header)) {
            throw new IOException(file + ": expected a '# caption' line and the header " + header.replace('\t', ' '));
        }
        var rows = new ArrayList<R>();
        for (String line : lines.subList(2, lines.size())) if (!line.isBlank()) rows.add(row.apply(line.split("\t", -1)));
        return new Table<>(lines.get(0).substring(2), rows);
    }

    /** The rows of the first table whose header starts with {@code header}; its caption is the last text line above it. */
    private static <R> Table<R> markdown(Path file, String header, Function<String[], R> row) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith(header)) continue;
            String caption = "";
            for (int j = i - 1; j >= 0 && !lines.get(j).startsWith("#"); j--) {
                if (!lines.get(j).isBlank()) {
                    caption = lines.get(j).strip();
                    break;
                }
            }
            var rows = new ArrayList<R>();
            for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                String line = lines.get(j).strip();
                String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
                for (int c = 0; c < cells.length; c++) cells[c] = cells[c].strip();
                rows.add(row.apply(cells));
            }
            return new Table<>(caption, rows);
        }
        throw new IOException(file + ": no table headed '" + header + "'");
    }

    /** A table cell's number: "29,661", "4.57 ms", "1730 ms". */
    private static double number(String cell) {
        return Double.parseDouble(cell.replace(",", "").replace("ms", "").strip());
    }

    /** Every digit the double has (no rounding here, so a chart's labels round exactly as the table does). */
    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).toPlainString();
    }
}
