package dev.jirasim.conformance.engine;

import java.nio.file.Path;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** One scenario file. */
final class FileDescriptor extends AbstractTestDescriptor implements Node<ConformanceContext> {
    FileDescriptor(UniqueId id, Path file, String displayName) {
        super(id, displayName, FileSource.from(file.toFile()));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
