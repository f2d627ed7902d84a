package dev.jirasim.simulator.support;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Test support: one in-process simulator per test class on a random port (kept in the class's extension
 * store, closed with it), reset to the default world before each test, injected as a {@link JirasimServer}
 * parameter.
 */
public final class SimulatorExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SimulatorExtension.class);

    private record Running(JirasimServer sim) implements AutoCloseable {
        @Override
        public void close() {
            sim.close();
        }
    }

    private static JirasimServer sim(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(NS).getOrComputeIfAbsent("sim",
                k -> new Running(JirasimServer.start(SimulatorConfig.builder().randomPort().build())), Running.class).sim();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sim(context).control().reset();
        sim(context).removeAllTenants();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == JirasimServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sim(context);
    }
}
