package dev.jirasim.conformance.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The engine's root: opens the target before any scenario and closes it (stopping an embedded simulator) after. */
final class SuiteDescriptor extends EngineDescriptor implements Node<ConformanceContext> {
    SuiteDescriptor(UniqueId id) {
        super(id, "Jirasim conformance");
    }

    @Override
    public ConformanceContext before(ConformanceContext context) throws Exception {
        if (getChildren().isEmpty()) return context;
        return context.withTarget(RunningTarget.open(context.targetSpec(), context.env()));
    }

    @Override
    public void after(ConformanceContext context) {
        if (context.running() != null) context.running().close();
    }
}
