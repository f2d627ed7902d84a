package dev.jirasim.conformance.engine;

import dev.jirasim.conformance.parse.ParseProblem;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/** A file that could not be read as scenarios: one failed test naming file, line and column. */
final class MalformedFileDescriptor extends AbstractTestDescriptor implements Node<ConformanceContext> {
    private final ParseProblem problem;

    MalformedFileDescriptor(UniqueId id, String displayName, ParseProblem problem) {
        super(id, displayName, FileSource.from(problem.pos().file().toFile(),
                FilePosition.from(problem.pos().line(), problem.pos().column())));
        this.problem = problem;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public ConformanceContext execute(ConformanceContext context, DynamicTestExecutor executor) {
        throw new AssertionFailedError(problem.getMessage());
    }
}
