package dev.jirasim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The charts are valid SVG, their bars are as long as their values, and they say in text what they show. */
class ChartsTest {
    private static final Figures.Table<Figures.Load> LOAD = new Figures.Table<>("Loopback, wrk -t2, 32 connections, measured 2026-11-23", List.of(
            new Figures.Load("bare Javalin hello", false, 29661.4, 1.16, 0.9, 4.57, 0.98, 0),
            new Figures.Load("bare Javalin, search's body as a string", true, 25639.0, 1.0, 1.13, 4.64, 1.0, 0),
            new Figures.Load("search/jql (authorized)", false, 17354.2, 0.66, 1.68, 9.56, 2.18, 0),
            new Figures.Load("token endpoint (refresh)", false, 10162.0, 0.4, 2.57, 40.3, 8.69, 0),
            new Figures.Load("WireMock static stub (same body)", false, 9284.0, 0.36, 3.05, 21.45, 4.62, 0)));
    private static final Figures.Table<Figures.Cold> COLD = new Figures.Table<>("Launch of a new JVM to the first answered request, median of 7 runs", List.of(
            new Figures.Cold("bare Javalin hello (baseline)", true, 1730, 1.0, 1471, 2233),
            new Figures.Cold("java -jar jirasim.jar", false, 2723, 1.57, 2177, 3248),
            new Figures.Cold("java -jar jirasim.jar with AppCDS (./jirasim)", false, 1563, 0.9, 1514, 1762)));

    @Test
    void throughputBarsAreProportionalToRequestsPerSecondAndLatency() throws Exception {
        Document svg = parse(Charts.throughput(LOAD, "2026-11-23"));
        assertProportional(bars(svg, "rps"), LOAD.rows().stream().map(Figures.Load::rps).toList());
        assertProportional(bars(svg, "p50"), LOAD.rows().stream().map(Figures.Load::p50Ms).toList());
        assertProportional(bars(svg, "p99"), LOAD.rows().stream().map(Figures.Load::p99Ms).toList());
        // The p50 and p99 bars share one scale: p99 is the longest latency bar.
        assertEquals(bars(svg, "p99").get(3), bars(svg, "p50").get(3) * 40.3 / 2.57, 0.2);

        List<String> texts = texts(svg);
        for (Figures.Load r : LOAD.rows()) assertTrue(texts.contains(r.route() + (r.baseline() ? " (baseline)" : "")), r.route());
        assertTrue(texts.contains("17,354 · 0.66×"), texts.toString());
        assertTrue(texts.contains("p99 40.30 ms · 8.69×"), texts.toString());
        assertTrue(texts.contains(LOAD.caption()));
        assertEquals("Requests per second and latency per route, run of 2026-11-23", title(svg));
        assertTrue(desc(svg).contains("search/jql (authorized): 17,354 requests/s (0.66×), p50 1.68 ms, p99 9.56 ms (2.18×)."), desc(svg));
        assertLightBackground(svg);
    }

    @Test
    void coldStartBarsAreProportionalToTheMediansWithTheRangeDrawn() throws Exception {
        Document svg = parse(Charts.coldStart(COLD, "2026-11-23"));
        List<Double> medians = bars(svg, "median");
        assertProportional(medians, COLD.rows().stream().map(Figures.Cold::medianMs).toList());
        NodeList lines = svg.getElementsByTagName("line");
        var ranges = new ArrayList<Double>();
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            if (l.getAttribute("class").equals("range")) ranges.add(Double.parseDouble(l.getAttribute("x2")) - Double.parseDouble(l.getAttribute("x1")));
        }
        assertProportional(ranges, COLD.rows().stream().map(r -> r.slowestMs() - r.fastestMs()).toList());
        // The range's ends and the median's bar share a scale.
        assertEquals(medians.get(1) * (3248 - 2177) / 2723.0, ranges.get(1), 0.2);
        assertTrue(texts(svg).contains("2723 ms · 1.57×"));
        assertTrue(texts(svg).contains("java -jar jirasim.jar with AppCDS (./jirasim)"));
        assertTrue(desc(svg).contains("bare Javalin hello (baseline): 1730 ms (1.00×), fastest 1471 ms, slowest 2233 ms."), desc(svg));
        assertLightBackground(svg);
    }

    @Test
    void theTsvAndTheMarkdownTableGiveTheChartTheSameNumbers(@TempDir Path dir) throws Exception {
        Path md = Files.writeString(dir.resolve("load.md"), LoadRun.table(LOAD));
        Files.writeString(Figures.tsvBeside(md), Figures.loadTsv(LOAD));
        assertEquals(LOAD, Figures.readLoad(dir.resolve("load.tsv")));
        var fromTable = Figures.readLoad(md);
        assertEquals(LOAD.caption(), fromTable.caption());
        for (int i = 0; i < LOAD.rows().size(); i++) {
            assertEquals(LOAD.rows().get(i).route(), fromTable.rows().get(i).route());
            assertEquals(LOAD.rows().get(i).baseline(), fromTable.rows().get(i).baseline());
            assertEquals(LOAD.rows().get(i).rps(), fromTable.rows().get(i).rps(), 0.5, "the table rounds to whole requests");
            assertEquals(LOAD.rows().get(i).p99Ms(), fromTable.rows().get(i).p99Ms(), 0.005);
        }
        // The chart's labels are the table's figures whichever file it was drawn from.
        assertEquals(texts(parse(Charts.throughput(LOAD, ""))), texts(parse(Charts.throughput(fromTable, ""))));

        Path cold = Files.writeString(dir.resolve("cold.md"), ColdStart.table(COLD));
        Files.writeString(Figures.tsvBeside(cold), Figures.coldTsv(COLD));
        assertEquals(COLD, Figures.readCold(dir.resolve("cold.tsv")));
        assertEquals(COLD, Figures.readCold(cold));
    }

    @Test
    void axesEndOnARoundNumberAtOrAboveTheLargestValue() {
        assertEquals(new Svg.Axis(10, 5), Svg.Axis.upTo(40.3));
        assertEquals(new Svg.Axis(10000, 3), Svg.Axis.upTo(29661));
        assertEquals(new Svg.Axis(1000, 4), Svg.Axis.upTo(3248));
        assertEquals(new Svg.Axis(2, 5), Svg.Axis.upTo(10));
    }

    /** docs/performance.md's charts are drawn from its own tables: every row's figures appear in the chart's text. */
    @Test
    void theCommittedChartsShowTheCommittedTables() throws Exception {
        Path doc = Path.of("../docs/performance.md");
        var load = Figures.readLoad(doc);
        var cold = Figures.readCold(doc);
        Document throughput = parse(Files.readString(Path.of("../docs/images", Charts.THROUGHPUT)));
        Document coldStart = parse(Files.readString(Path.of("../docs/images", Charts.COLD_START)));
        assertEquals(load.rows().size(), bars(throughput, "rps").size());
        for (Figures.Load r : load.rows()) {
            assertTrue(texts(throughput).contains(String.format(Locale.ROOT, "%,.0f · %.2f×", r.rps(), r.ratio())), r.route());
            assertTrue(texts(throughput).contains(String.format(Locale.ROOT, "p99 %.2f ms · %.2f×", r.p99Ms(), r.p99Ratio())), r.route());
        }
        assertEquals(cold.rows().size(), bars(coldStart, "median").size());
        for (Figures.Cold r : cold.rows()) assertTrue(texts(coldStart).contains(String.format(Locale.ROOT, "%.0f ms · %.2f×", r.medianMs(), r.ratio())), r.start());
    }

    private static void assertProportional(List<Double> widths, List<Double> values) {
        assertEquals(values.size(), widths.size());
        double scale = widths.get(0) / values.get(0);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i) * scale, widths.get(i), 0.05, "bar " + i + " of " + widths); // coordinates are written to 0.01 px
        }
    }

    private static void assertLightBackground(Document svg) {
        Element first = (Element) svg.getDocumentElement().getElementsByTagName("rect").item(0);
        assertEquals("#ffffff", first.getAttribute("fill"), "an opaque light background for GitHub's dark theme");
        assertEquals(svg.getDocumentElement().getAttribute("width"), first.getAttribute("width"));
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
    }

    private static List<Double> bars(Document svg, String kind) {
        var out = new ArrayList<Double>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("class").equals("bar " + kind)) out.add(Double.parseDouble(r.getAttribute("width")));
        }
        return out;
    }

    private static List<String> texts(Document svg) {
        var out = new ArrayList<String>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) out.add(texts.item(i).getTextContent());
        return out;
    }

    private static String title(Document svg) {
        return svg.getElementsByTagName("title").item(0).getTextContent();
    }

    private static String desc(Document svg) {
        return svg.getElementsByTagName("desc").item(0).getTextContent();
    }

    /** The JDK's XML parser: a chart that is not well-formed XML fails here. */
    static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        return doc;
    }
}
