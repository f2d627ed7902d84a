package dev.jirasim.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceCommandTest {
    @Test
    void theCommandLineOfTheGate() {
        var command = new ConformanceCommand(Path.of("java"), Path.of("t.yaml"), List.of(Path.of("a"), Path.of("b.yaml")), " token & !clock ",
                Path.of("deviations.yaml"), Path.of("reports"));
        assertEquals(List.of("java", "@cp.args", ConformanceCommand.MAIN, "--target", "t.yaml", "--scenarios", "a", "--scenarios", "b.yaml",
                "--tags", "token & !clock", "--expected-deviations", "deviations.yaml", "--report", "reports"), command.command(Path.of("cp.args")));
        var bare = new ConformanceCommand(Path.of("java"), Path.of("t.yaml"), List.of(Path.of("a")), null, null, Path.of("r"));
        assertEquals(List.of("java", "@cp.args", ConformanceCommand.MAIN, "--target", "t.yaml", "--scenarios", "a", "--report", "r"),
                bare.command(Path.of("cp.args")));
    }

    @Test
    void theArgumentFileQuotesTheClassPathAsTheLauncherReadsIt() {
        String text = ConformanceCommand.argFile(List.of(Path.of("/m2/a b.jar"), Path.of("C:\\m2\\c.jar")));
        assertEquals("-cp\n\"/m2/a b.jar" + File.pathSeparator + "C:\\\\m2\\\\c.jar\"\n", text);
    }

    @Test
    void exitZeroPasses() {
        var verdict = ConformanceCommand.verdict(0, List.of());
        assertTrue(verdict.passed());
        assertNull(verdict.message());
    }

    @Test
    void exitOneNamesTheFailingScenariosFromTheGatesLastLine() {
        var verdict = ConformanceCommand.verdict(1, List.of("some warning", "jirasim-conformance: failed: refresh-rotates, code-single-use"));
        assertFalse(verdict.passed());
        assertEquals(List.of("refresh-rotates", "code-single-use"), verdict.failing());
        assertEquals("failing scenarios: refresh-rotates, code-single-use", verdict.message());
    }

    @Test
    void exitTwoMeansNothingWasChecked() {
        var verdict = ConformanceCommand.verdict(2, List.of("jirasim-conformance: every scenario was skipped; the target offers none of the capabilities they need"));
        assertFalse(verdict.passed());
        assertEquals("nothing was checked: jirasim-conformance: every scenario was skipped; the target offers none of the capabilities they need",
                verdict.message());
        var usage = ConformanceCommand.verdict(2, List.of("jirasim-conformance: unknown option --bogus", "Usage: java -jar …", "  --target FILE"));
        assertEquals("nothing was checked: jirasim-conformance: unknown option --bogus", usage.message());
    }

    @Test
    void anotherExitCodeIsReportedAsItIs() {
        var verdict = ConformanceCommand.verdict(137, List.of());
        assertEquals("the conformance run ended with exit code 137", verdict.message());
    }
}
