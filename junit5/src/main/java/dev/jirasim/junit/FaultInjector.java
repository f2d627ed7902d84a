package dev.jirasim.junit;

import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.faults.Fault;
import dev.jirasim.simulator.faults.FaultRule;
import java.util.List;

/**
 * Injected failures for this world only: statuses, bodies, headers, delays and rate limits on path patterns.
 * <pre>{@code sim.faults().add(FaultRule.on("/api/ex/jira/**").status(503).times(1));}</pre>
 */
public final class FaultInjector {
    private final SimulatorControl control;

    FaultInjector(SimulatorControl control) {
        this.control = control;
    }

    public Fault add(FaultRule rule) {
        return control.addFault(rule);
    }

    public Fault add(FaultRule.Builder rule) {
        return control.addFault(rule.build());
    }

    /** Answers every request matching {@code pathGlob} with {@code status}. */
    public Fault status(String pathGlob, int status) {
        return add(FaultRule.on(pathGlob).status(status));
    }

    public List<Fault> list() {
        return control.faults();
    }

    public boolean remove(String id) {
        return control.removeFault(id);
    }

    public void clear() {
        control.clearFaults();
    }
}
