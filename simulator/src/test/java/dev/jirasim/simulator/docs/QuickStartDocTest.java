package dev.jirasim.simulator.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/quick-start.md as a reader runs it: every {@code bash} block in order, in one shell, against a simulator
 * on a free port (the page's {@code localhost:8484} rewritten to it). A block followed by a JSON block must
 * print JSON with the same members; one followed by an HTTP transcript must print the same status line.
 */
class QuickStartDocTest {
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Block(String language, String text) {
    }

    @Test
    void everyCommandRunsAndPrintsWhatThePageShows() throws Exception {
        runs("quick-start.md", 10);
    }

    /** docs/site-host.md, the same way: its {@code curl -u} examples against the default world, and a token made and revoked. */
    @Test
    void theSiteHostPageRunsToo() throws Exception {
        runs("site-host.md", 8);
    }

    /** docs/dashboard.md: GET / keeps its JSON for curl and gives browsers the page. */
    @Test
    void theDashboardPageRunsToo() throws Exception {
        runs("dashboard.md", 1);
    }

    static void runs(String page, int minCommands) throws Exception {
        assumeTrue(onPath("curl") && onPath("jq"), "curl and jq are needed to run the page's commands");
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(Path.of("..", "docs", page)));
        while (m.find()) blocks.add(new Block(m.group(1), m.group(2)));

        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            var script = new StringBuilder("set -euo pipefail\n");
            var commands = new ArrayList<Integer>();
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                // ./jirasim starts the server this test has started already.
                if (!b.language().equals("bash") || b.text().strip().equals("./jirasim")) continue;
                commands.add(i);
                script.append("printf '\\n@@block ").append(i).append("\\n'\n")
                        .append(b.text().replace("localhost:8484", "localhost:" + sim.port())).append('\n');
            }
            assertTrue(commands.size() >= minCommands, page + ": the page's commands were found: " + commands.size());
            // stderr apart: curl's progress meter is not output the page shows
            Path errors = Files.createTempFile("doc-page", ".err");
            Process p = new ProcessBuilder("bash", "-c", script.toString()).redirectError(errors.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String err = Files.readString(errors);
            Files.delete(errors);
            assertEquals(0, p.exitValue(), "the page's commands failed:\n" + out + "\n" + err);

            for (int i : commands) {
                if (i + 1 >= blocks.size()) continue;
                Block shown = blocks.get(i + 1);
                String printed = printedBy(out, i);
                String where = "after the command\n" + blocks.get(i).text() + "\nthe page shows\n" + shown.text() + "\nbut it printed\n" + printed;
                if (shown.language().equals("json")) {
                    assertEquals(shape(JSON.readTree(shown.text())), shape(parse(printed, where)), where);
                } else if (shown.language().isEmpty() && shown.text().startsWith("HTTP/")) {
                    assertEquals(shown.text().lines().findFirst().orElseThrow(), printed.lines().findFirst().orElse(""), where);
                }
            }
        }
    }

    private static JsonNode parse(String printed, String where) {
        try {
            return JSON.readTree(printed);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + where, e);
        }
    }

    /** Member names, recursively for objects and for the first element of arrays: values differ by run. */
    private static Set<String> shape(JsonNode node) {
        var names = new TreeSet<String>();
        collect(node, "", names);
        return names;
    }

    private static void collect(JsonNode node, String prefix, Set<String> names) {
        if (node.isArray() && !node.isEmpty()) collect(node.get(0), prefix + "[]", names);
        node.fieldNames().forEachRemaining(name -> {
            names.add(prefix + "." + name);
            collect(node.get(name), prefix + "." + name, names);
        });
    }

    private static String printedBy(String out, int block) {
        int start = out.indexOf("@@block " + block + "\n");
        if (start < 0) return "";
        start += ("@@block " + block + "\n").length();
        int end = out.indexOf("@@block ", start);
        return (end < 0 ? out.substring(start) : out.substring(start, end)).strip();
    }

    private static boolean onPath(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "command -v " + command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
