package dev.jirasim.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.model.Scenario;
import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.parse.ScenarioParser;
import dev.jirasim.conformance.support.Targets;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parity subcommand as docs/conformance.md shows it: its command, its output line and its exit codes. */
class ParityCliTest {
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$");
    private static final String ALL = "clock, consent-automation, seed, journal, faults, webhooks";
    private static JirasimServer a;
    private static JirasimServer b;

    @BeforeAll
    static void start() {
        a = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
        b = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    /** The blocks of the page's parity section, in order. */
    private static List<String> paritySection(String language) throws Exception {
        String page = Files.readString(Path.of("../docs/conformance.md"));
        int from = page.indexOf("## Parity between two targets");
        String section = page.substring(from, page.indexOf("\n## ", from + 1));
        var blocks = new ArrayList<String>();
        Matcher m = BLOCK.matcher(section);
        while (m.find()) if (m.group(1).equals(language)) blocks.add(m.group(2));
        return blocks;
    }

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome parity(List<String> args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = ParityCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentedCommandFindsTwoHealthySimulatorsTheSame(@TempDir Path dir) throws Exception {
        String command = paritySection("bash").get(0).replace("\\\n", " ");
        List<String> words = List.of(command.trim().split("\\s+"));
        assertEquals(List.of("java", "-jar", "conformance-suite/target/jirasim-conformance.jar", "parity"), words.subList(0, 4));
        // The page's files, made real: its two targets are two simulators here, its paths relative to the repository.
        var targets = new ArrayList<>(List.of(Targets.file(dir, a.baseUrl(), ALL).toString(), Targets.file(dir, b.baseUrl(), ALL).toString()));
        Path report = dir.resolve("parity");
        var args = new ArrayList<String>();
        for (int i = 4; i < words.size(); i += 2) {
            args.add(words.get(i));
            args.add(switch (words.get(i)) {
                case "--target" -> targets.remove(0);
                case "--scenarios" -> Path.of("..").resolve(words.get(i + 1)).toString();
                case "--report" -> report.toString();
                default -> words.get(i + 1);
            });
        }
        Outcome run = parity(args);
        assertEquals(0, run.code(), run.out() + run.err());

        // The line it prints has the form the page shows.
        String shown = paritySection("").stream().filter(l -> l.startsWith("Parity of")).findFirst().orElseThrow().strip();
        String form = Pattern.quote(shown).replaceAll("\\d+", "\\\\E\\\\d+\\\\Q").replace("local-simulator", "\\E.+\\Q")
                .replace("live-cloud", "\\E.+\\Q").replace("differences —", "\\E(same|differences)\\Q —");
        String printed = run.out().lines().findFirst().orElse("");
        assertTrue(printed.matches(form), "printed\n" + printed + "\nbut the page shows\n" + shown);
        assertTrue(printed.contains(": same — 0 of "), printed);

        String md = Files.readString(report.resolve("parity.md"));
        assertTrue(md.contains("| `POST ${auth}/oauth/token` | "), md);
        assertTrue(md.contains(" | with local-simulator on " + LocalDate.now() + " | same |"), md);
        assertTrue(Files.readString(report.resolve("parity.html")).contains("<td>same</td>"));
    }

    @Test
    void differencesExitWithOne(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("me.yaml");
        Files.writeString(scenario, """
                id: myself-with-an-api-token
                title: alice reads her own profile with an API token
                steps:
                  - name: Ask for myself
                    request:
                      url: ${site}/rest/api/3/myself
                      headers: {Authorization: "Basic ${aliceBasic}"}
                """);
        // B's target holds alice's revoked API token, so B answers 401 where A answers 200.
        Path other = Targets.file(dir, b.baseUrl(), ALL);
        String text = Files.readString(other);
        String revoked = text.replaceAll("(?s).*aliceRevokedBasic: (\\S+).*", "$1");
        Files.writeString(other, text.replaceFirst("aliceBasic: \\S+", "aliceBasic: " + revoked));
        Path report = dir.resolve("parity");
        Outcome run = parity(List.of("--target", Targets.file(dir, a.baseUrl(), ALL).toString(), "--target", other.toString(),
                "--scenarios", scenario.toString(), "--report", report.toString()));
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().startsWith("Parity of local-simulator (A) and local-simulator (B): differences — 1 of 1 endpoints differ"), run.out());
        String md = Files.readString(report.resolve("parity.md"));
        assertTrue(md.contains("| `GET ${site}/rest/api/3/myself` | myself-with-an-api-token | with local-simulator on ") && md.contains("status: 200 → 401"), md);
    }

    @Test
    void badUsageExitsWithTwo(@TempDir Path dir) throws Exception {
        String t = Targets.file(dir, a.baseUrl(), ALL).toString();
        String s = Targets.SCENARIOS.toString();
        String r = dir.resolve("r").toString();
        assertEquals(2, Main.run(new String[] {"parity", "--target", t, "--scenarios", s, "--report", r}), "one target");
        assertEquals(2, Main.run(new String[] {"parity", "--target", t, "--target", t, "--scenarios", s}), "no report");
        assertEquals(2, Main.run(new String[] {"parity", "--target", t, "--target", t, "--report", r}), "no scenarios");
        assertEquals(2, Main.run(new String[] {"parity", "--target", t, "--target", t, "--scenarios", dir.resolve("none").toString(), "--report", r}));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(2, Main.run(new String[] {"parity", "--target", t, "--target", t, "--scenarios", empty.toString(), "--report", r}), "nothing to run");
        // dir holds the target file, which is no scenario: an unreadable scenario file stops a parity run.
        assertEquals(2, Main.run(new String[] {"parity", "--target", t, "--target", t, "--scenarios", dir.toString(), "--report", r}), "malformed");
        assertEquals(2, Main.run(new String[] {"parity", "--bogus", "x"}));
        assertEquals(0, Main.run(new String[] {"parity", "--help"}));
    }

    @Test
    void theScenarioFormatSnippetIsAStepOfAShippedScenario() throws Exception {
        String page = Files.readString(Path.of("../docs/scenario-format.md"));
        int from = page.indexOf("### Values a parity run compares");
        Matcher m = BLOCK.matcher(page.substring(from));
        assertTrue(m.find());
        Path file = Targets.SCENARIOS.resolve("atlassian-auth/me-returns-the-profile-with-read-me.yaml");
        assertTrue(Files.readString(file).contains(m.group(2)), "the page's step is in " + file);
        Scenario scenario = ScenarioParser.parse(file).get(0);
        Step.HttpStep step = scenario.steps().stream().filter(st -> st.name().equals("Exchange the code")).map(Step.HttpStep.class::cast)
                .findFirst().orElseThrow();
        assertEquals(List.of("$.token_type", "$.expires_in"), step.compare());
    }
}
