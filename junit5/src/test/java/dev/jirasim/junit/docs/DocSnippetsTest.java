package dev.jirasim.junit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java and Maven snippets of README.md and docs/junit.md are the code this package compiles and runs:
 * each Java block is a whole test file here (less its {@code package} line) or a region between
 * {@code // doc:begin} and {@code // doc:end}; each XML block is part of the example consumer's pom, which the
 * README's test command builds. Edit the code, then copy it to the page (or the other way round).
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path SOURCES = Path.of("src/test/java/dev/jirasim/junit/docs");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    @Test
    void everyJavaSnippetIsCodeThatRuns() throws Exception {
        Set<String> code = compiledSnippets();
        for (String page : List.of("README.md", "docs/junit.md")) {
            List<String> blocks = blocks(page, "java");
            assertFalse(blocks.isEmpty(), page);
            for (String block : blocks) {
                assertTrue(code.contains(block), page + " shows Java that no test in " + SOURCES + " holds:\n" + block);
            }
        }
    }

    @Test
    void theReadmeShowsAWholeTestClassWithItsImports() throws Exception {
        String readme = blocks("README.md", "java").get(0);
        assertTrue(readme.startsWith("import ") && readme.contains("@Test") && readme.endsWith("}\n"), readme);
    }

    @Test
    void everyPomSnippetIsPartOfTheExampleConsumersPom() throws Exception {
        String pom = flat(Files.readString(ROOT.resolve("examples/jira-client/pom.xml"))
                .replace("${jirasim.version}", projectVersion()));
        for (String page : List.of("README.md", "docs/junit.md")) {
            for (String block : blocks(page, "xml")) {
                assertTrue(pom.contains(flat(block)), page + " shows a pom fragment that examples/jira-client/pom.xml lacks:\n" + block);
            }
        }
    }

    @Test
    void theConsumerPluginsAreTheVersionsThisBuildPins() throws Exception {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String guide = String.join("\n", blocks("docs/junit.md", "xml"));
        for (String plugin : List.of("maven-compiler-plugin", "maven-surefire-plugin")) {
            String pinned = version(parent, plugin);
            assertEquals(pinned, version(guide, plugin), plugin + " in docs/junit.md");
        }
    }

    @Test
    void theConformanceTargetExampleIsTheShippedTargetFile() throws Exception {
        String shipped = Files.readString(ROOT.resolve("scenarios/targets/simulator.yaml"));
        String example = blocks("docs/conformance.md", "yaml").stream().filter(b -> b.startsWith("# scenarios/targets/simulator.yaml"))
                .findFirst().orElseThrow();
        for (String line : example.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            assertTrue(shipped.contains(line + "\n"), "docs/conformance.md shows a target line the shipped file lacks: " + line);
        }
    }

    /** The metadata a public release needs (docs/releasing.md), and the page's command is what CI runs. */
    @Test
    void thePomCarriesReleaseMetadataAndCiRunsTheReleaseProfile() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        for (String element : List.of("<licenses>", "<developers>", "<scm>", "<url>", "<description>", "<id>release</id>",
                "maven-source-plugin", "maven-javadoc-plugin", "Apache License, Version 2.0")) {
            assertTrue(pom.contains(element), "the parent pom lacks " + element);
        }
        assertTrue(Files.readString(ROOT.resolve("LICENSE")).contains("Apache License"), "LICENSE");
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        List<String> commands = blocks("docs/releasing.md", "bash");
        assertFalse(commands.isEmpty());
        for (String command : commands) assertTrue(ci.contains(command.strip()), ".ci/run does not run: " + command);
    }

    private static String version(String pom, String artifactId) {
        Matcher m = Pattern.compile("<artifactId>" + artifactId + "</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), artifactId + " has no pinned version");
        return m.group(1);
    }

    private static String projectVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>jirasim-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find());
        return m.group(1);
    }

    private static String flat(String xml) {
        return xml.replaceAll("<!--.*?-->", "").replaceAll("\\s+", " ").replace("> <", "><").trim();
    }

    private static List<String> blocks(String page, String language) throws Exception {
        var found = new ArrayList<String>();
        Matcher m = BLOCK.matcher(Files.readString(ROOT.resolve(page)));
        while (m.find()) {
            if (m.group(1).equals(language)) found.add(m.group(2));
        }
        return found;
    }

    /** Every file of this package without its package line, and every marked region, de-indented. */
    private static Set<String> compiledSnippets() throws Exception {
        var snippets = new HashSet<String>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                snippets.add(text.replaceFirst("\\Apackage [\\w.]+;\\n\\n", ""));
                List<String> region = null;
                for (String line : text.split("\n", -1)) {
                    if (line.strip().equals("// doc:begin")) region = new ArrayList<>();
                    else if (line.strip().equals("// doc:end") && region != null) {
                        snippets.add(dedent(region));
                        region = null;
                    } else if (region != null) region.add(line);
                }
            }
        }
        return snippets;
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        var sb = new StringBuilder();
        for (String l : lines) sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        return sb.toString();
    }
}
