package dev.jirasim.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.record.RecorderConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code record} subcommand's options; the proxy itself is tested in the record package. */
class RecordCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RecordCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void optionsBecomeTheRecorderConfig() {
        RecorderConfig config = RecordCommand.parse(new String[] {"--upstream", "http://localhost:8484/", "--port", "0", "--out", "s.yaml"});
        assertEquals(new RecorderConfig("http://localhost:8484", 0, Path.of("s.yaml"), null), config);
        assertNull(RecordCommand.parse(new String[] {"--help"}));
    }

    @Test
    void badOptionsExitWithTwoAndSayWhy() {
        assertEquals(2, run("--port", "0", "--out", "s.yaml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--upstream is required"));
        assertEquals(2, run("--upstream", "ftp://host", "--port", "0", "--out", "s.yaml"));
        assertEquals(2, run("--upstream", "http://host", "--port", "70000", "--out", "s.yaml"));
        assertEquals(2, run("--upstream", "http://host", "--port", "0", "--out", "s.yaml", "--target", "no-such-target.yaml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file: no-such-target.yaml"));
    }

    @Test
    void helpPrintsTheUsageAndTheMainUsageMentionsRecord() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("record --upstream URL --port N --out FILE"));
        assertTrue(Main.USAGE.contains("record --upstream URL"));
        assertEquals(2, Main.run(new String[] {"record"}), "Main hands 'record' to the subcommand");
    }
}
