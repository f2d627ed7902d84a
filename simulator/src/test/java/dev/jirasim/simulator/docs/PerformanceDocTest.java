package dev.jirasim.simulator.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The charts docs/performance.md embeds (drawn by bench/run.sh, which is not part of the test run) are there and are
 * SVG a browser will show: well-formed XML, an svg root in the SVG namespace, a title and a description.
 * bench/'s own ChartsTest checks that they show the page's tables.
 */
class PerformanceDocTest {
    private static final Path PAGE = Path.of("..", "docs", "performance.md");

    @Test
    void everyChartThePageEmbedsExistsAndParses() throws Exception {
        Matcher image = Pattern.compile("!\\[([^]]+)]\\(([^)]+\\.svg)\\)").matcher(Files.readString(PAGE));
        var charts = new ArrayList<String>();
        while (image.find()) {
            Path file = PAGE.resolveSibling(image.group(2));
            assertTrue(Files.isRegularFile(file), image.group(2) + " is embedded but missing");
            assertFalse(image.group(1).isBlank(), "alt text for " + image.group(2));
            Document svg = parse(file);
            Element root = svg.getDocumentElement();
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI(), file.toString());
            assertEquals("svg", root.getLocalName());
            assertTrue(Double.parseDouble(root.getAttribute("width")) > 0 && Double.parseDouble(root.getAttribute("height")) > 0);
            assertFalse(svg.getElementsByTagName("title").item(0).getTextContent().isBlank(), file + " has a title");
            assertFalse(svg.getElementsByTagName("desc").item(0).getTextContent().isBlank(), file + " has a description");
            charts.add(image.group(2));
        }
        assertEquals(List.of("images/throughput.svg", "images/cold-start.svg"), charts);
    }

    private static Document parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
