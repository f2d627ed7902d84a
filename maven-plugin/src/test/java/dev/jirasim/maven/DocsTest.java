package dev.jirasim.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * docs/maven-plugin.md cannot drift: its pom snippet is the example project's build, its Java line is in the
 * example's test, its command is in .ci/run, and each goal's parameter table lists exactly the parameters, defaults
 * and user properties of the plugin descriptor that maven-plugin-plugin generated from the mojos.
 */
class DocsTest {
    private static final Path ROOT = Path.of(System.getProperty("jirasim.root", ".."));
    private static final Path DOC = ROOT.resolve("docs/maven-plugin.md");
    private static final Path EXAMPLE = ROOT.resolve("examples/maven-plugin");
    private static final Path DESCRIPTOR = Path.of(System.getProperty("jirasim.pluginDescriptor", "target/classes/META-INF/maven/plugin.xml"));

    @Test
    void thePomSnippetIsTheExamplesBuild() throws Exception {
        List<String> xml = blocks("xml");
        assertFalse(xml.isEmpty());
        String pom = normalized(Files.readString(EXAMPLE.resolve("pom.xml")));
        for (String snippet : xml) assertTrue(pom.contains(normalized(snippet)), "not in examples/maven-plugin/pom.xml:\n" + snippet);
    }

    @Test
    void theJavaSnippetIsInTheExamplesTest() throws Exception {
        String test = normalized(Files.readString(EXAMPLE.resolve("src/test/java/com/example/signin/SignInIT.java")));
        for (String snippet : blocks("java")) assertTrue(test.contains(normalized(snippet)), "not in SignInIT.java:\n" + snippet);
    }

    @Test
    void theCommandIsWhatCiRuns() throws Exception {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        List<String> bash = blocks("bash");
        assertEquals(1, bash.size());
        assertTrue(ci.contains(bash.get(0).strip()), bash.get(0));
    }

    @Test
    void eachGoalsTableListsExactlyItsParameters() throws Exception {
        String doc = Files.readString(DOC);
        Map<String, Map<String, String>> descriptor = descriptorParameters();
        assertEquals(List.of("conformance", "start", "stop"), List.copyOf(descriptor.keySet()));
        for (String goal : descriptor.keySet()) {
            assertEquals(descriptor.get(goal), documentedParameters(doc, goal), "the table of " + goal);
        }
    }

    @Test
    void thePropertyTableListsWhatStartSets() throws Exception {
        String doc = Files.readString(DOC);
        String section = doc.substring(doc.indexOf("## Properties set by `start`"), doc.indexOf("## Goals"));
        var documented = Pattern.compile("(?m)^\\| `(jirasim\\.\\w+)` \\|").matcher(section).results().map(m -> m.group(1)).toList();
        var sim = new RunningSimulator(null, new Banner("1.0", URI.create("http://localhost:1234")), null, null, null);
        assertEquals(List.copyOf(sim.properties().keySet()), documented);
    }

    /** Goal → parameter → "default | property | required", from the generated plugin.xml (editable parameters only). */
    private static Map<String, Map<String, String>> descriptorParameters() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        var goals = new TreeMap<String, Map<String, String>>();
        var mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            var mojo = (Element) mojos.item(i);
            var parameters = new TreeMap<String, String>();
            var configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            var declared = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < declared.getLength(); j++) {
                var parameter = (Element) declared.item(j);
                if (!text(parameter, "editable").equals("true")) continue;
                String name = text(parameter, "name");
                Element config = configuration == null ? null : child(configuration, name);
                String defaultValue = config == null ? "" : config.getAttribute("default-value");
                String property = config == null ? "" : config.getTextContent().strip().replaceAll("^\\$\\{(.*)}$", "$1");
                parameters.put(name, defaultValue + " | " + property + " | " + text(parameter, "required"));
            }
            goals.put(text(mojo, "goal"), parameters);
        }
        return goals;
    }

    private static Map<String, String> documentedParameters(String doc, String goal) {
        int start = doc.indexOf("### `" + goal + "`");
        assertTrue(start >= 0, "no section for " + goal);
        int end = doc.indexOf("\n#", start + 1);
        var parameters = new TreeMap<String, String>();
        for (String line : doc.substring(start, end < 0 ? doc.length() : end).split("\n")) {
            if (!line.startsWith("| `")) continue;
            String[] cells = line.split("(?<!\\\\)\\|");
            String name = cells[1].strip().replace("`", "");
            String defaultValue = cells[2].strip();
            boolean required = defaultValue.endsWith("(required)");
            defaultValue = defaultValue.replace("(required)", "").strip().replace("`", "");
            String property = cells[3].strip().replace("`", "");
            parameters.put(name, (defaultValue.equals("—") ? "" : defaultValue) + " | " + (property.equals("—") ? "" : property) + " | " + required);
        }
        return parameters;
    }

    private static List<String> blocks(String language) throws Exception {
        var m = Pattern.compile("(?s)```" + language + "\\n(.*?)```").matcher(Files.readString(DOC));
        var blocks = new ArrayList<String>();
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    /** Lines without their indentation, blank lines dropped: the doc indents from column 0, the pom does not. */
    private static String normalized(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }
}
