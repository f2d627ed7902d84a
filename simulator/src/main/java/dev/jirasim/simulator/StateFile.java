package dev.jirasim.simulator;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --state FILE}: the default world written after changes, atomically — the export goes to a temporary
 * file in the same directory, is forced to disk, then renamed over the old one — so a process killed at any
 * moment leaves either the previous file or the new one, never half of either. Writes are coalesced: many
 * changes in a burst cost one write.
 */
final class StateFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);
    private final Path target;
    private final Supplier<WorldFile> world;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jirasim-state");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    StateFile(Path target, Supplier<WorldFile> world) {
        this.target = target.toAbsolutePath();
        this.world = world;
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
            byte[] bytes = WorldFiles.toJson(world.get()).getBytes(StandardCharsets.UTF_8);
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
