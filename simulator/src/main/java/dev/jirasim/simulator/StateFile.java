package dev.jirasim.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.WorldFile;
import dev.jirasim.simulator.world.WorldFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --state FILE}: the default world and its clock written after changes, atomically — the export goes to a temporary
 * file in the same directory, is forced to disk, then renamed over the old one — so a process killed at any
 * moment leaves either the previous file or the new one, never half of either. Writes are coalesced: many
 * changes in a burst cost one write.
 *
 * <p>The file is a world file (JSON) with one more top-level member, {@code clock}: {@code {"frozen": true, "now":
 * INSTANT}} for a frozen clock, {@code {"frozen": false, "offset": DURATION}} for a running one (its distance from
 * real time), so token expiry reads the same time after a restart as before it.
 */
final class StateFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);
    private final Path target;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String CLOCK = "clock";
    private final Supplier<WorldFile> world;
    private final SimClock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jirasim-state");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    StateFile(Path target, Supplier<WorldFile> world, SimClock clock) {
        this.target = target.toAbsolutePath();
        this.world = world;
        this.clock = clock;
    }

    /** The world a state file holds, its {@code clock} member set aside (a world file has none). */
    static WorldFile readWorld(Path file, String publicUrl) {
        String text = readText(file);
        ObjectNode tree = tree(text);
        if (tree == null || !tree.has(CLOCK)) return WorldFiles.parse(text, publicUrl);
        tree.remove(CLOCK);
        return WorldFiles.parse(tree.toString(), publicUrl);
    }

    /** The clock a state file holds; empty for a file written before clocks were kept. */
    static Optional<SimClock.State> readClock(Path file) {
        ObjectNode tree = tree(readText(file));
        JsonNode saved = tree == null ? null : tree.get(CLOCK);
        if (saved == null) return Optional.empty();
        SimClock.State state;
        try {
            state = saved.path("frozen").asBoolean(false)
                    ? new SimClock.State(Duration.ZERO, Instant.parse(saved.path("now").asText()))
                    : new SimClock.State(Duration.parse(saved.path("offset").asText("PT0S")), null);
        } catch (DateTimeParseException e) {
            throw new WorldException("state file " + file + " is not a valid world (fix or remove it): clock: "
                    + e.getParsedString() + " is not an ISO-8601 instant or duration", e);
        }
        // The same span the control API keeps the clock in: an edited file cannot smuggle in an instant that breaks tokens.
        Instant shows;
        try {
            shows = state.frozen() ? state.frozenAt() : Instant.now().plus(state.offset());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            shows = null;
        }
        if (shows == null || !SimClock.inRange(shows)) {
            throw new WorldException("state file " + file + " is not a valid world (fix or remove it): clock: it must show an instant between "
                    + SimClock.EARLIEST + " and " + SimClock.LATEST);
        }
        return Optional.of(state);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorldException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file as a JSON object, or null when it is not one (the world reader then says what is wrong). */
    private static ObjectNode tree(String text) {
        try {
            return JSON.readTree(text) instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String render() throws JsonProcessingException {
        ObjectNode tree = (ObjectNode) JSON.readTree(WorldFiles.toJson(world.get()));
        SimClock.State state = clock.state();
        ObjectNode saved = tree.putObject(CLOCK);
        saved.put("frozen", state.frozen());
        if (state.frozen()) saved.put("now", state.frozenAt().toString());
        else saved.put("offset", state.offset().toString());
        return JSON.writeValueAsString(tree);
    }

    /** Something may have changed: write soon (once for any number of calls before the write starts). */
    void changed() {
        if (queued.compareAndSet(false, true)) {
            writer.execute(() -> {
                queued.set(false);
                write();
            });
        }
    }

    synchronized void write() {
        try {
            byte[] bytes = render().getBytes(StandardCharsets.UTF_8);
            Path dir = target.getParent();
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) ch.write(buffer);
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write the state file {}: {}", target, e.getMessage());
        }
    }

    /** Waits for a queued write, then writes the final state. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }
}
