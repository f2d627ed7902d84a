package com.example.jiraissues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * docs/spring-boot.md shows this project's code, not a copy that may drift: each Java block is a whole source file
 * (less its package line) or a region between {@code // doc:begin} and {@code // doc:end}; the YAML block is
 * application.yml; each XML block is part of pom.xml; the command is one that .ci/run runs. Edit the code, then
 * copy it to the page.
 */
class DocSnippetsTest {
    private static final Path PAGE = Path.of("../../docs/spring-boot.md");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    @Test
    void everyJavaBlockIsCodeOfThisProject() throws IOException {
        Set<String> code = snippets(Path.of("src/main/java"));
        code.addAll(snippets(Path.of("src/test/java")));
        List<String> blocks = blocks("java");
        assertFalse(blocks.isEmpty());
        for (String block : blocks) {
            assertTrue(code.contains(block), "docs/spring-boot.md shows Java that is not in this project:\n" + block);
        }
    }

    @Test
    void theYamlBlockIsTheApplicationsConfiguration() throws IOException {
        assertEquals(List.of(Files.readString(Path.of("src/main/resources/application.yml"))), blocks("yaml"));
    }

    @Test
    void everyXmlBlockIsPartOfThePom() throws IOException {
        String pom = flat(Files.readString(Path.of("pom.xml")));
        List<String> blocks = blocks("xml");
        assertFalse(blocks.isEmpty());
        for (String block : blocks) {
            assertTrue(pom.contains(flat(block)), "docs/spring-boot.md shows a pom fragment that pom.xml lacks:\n" + block);
        }
    }

    @Test
    void theCommandIsTheOneCiRuns() throws IOException {
        String ci = Files.readString(Path.of("../../.ci/run"));
        for (String block : blocks("bash")) {
            for (String line : block.strip().split("\n")) {
                assertTrue(ci.contains(line), ".ci/run does not run the page's command: " + line);
            }
        }
        assertFalse(blocks("bash").isEmpty());
    }

    private static List<String> blocks(String language) throws IOException {
        var found = new ArrayList<String>();
        Matcher m = BLOCK.matcher(Files.readString(PAGE));
        while (m.find()) {
            if (m.group(1).equals(language)) found.add(m.group(2));
        }
        return found;
    }

    private static String flat(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "").replaceAll("\\s+", " ").replace("> <", "><").trim();
    }

    /** Every file without its package line, and every marked region, de-indented. */
    private static Set<String> snippets(Path root) throws IOException {
        var snippets = new HashSet<String>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                snippets.add(text.replaceFirst("\\Apackage [\\w.]+;\\n\\n", ""));
                List<String> region = null;
                for (String line : text.split("\n", -1)) {
                    String s = line.strip();
                    if (s.startsWith("// doc:begin")) region = new ArrayList<>();
                    else if (s.equals("// doc:end") && region != null) {
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
