package dev.jirasim.simulator.control;

import dev.jirasim.simulator.JirasimServer;

/** The contract through the in-process door: {@code JirasimServer.control()}. */
class TenantControlContractTest extends SimulatorControlContract {
    @Override
    Door open(JirasimServer sim) {
        return new Door(sim.control(), sim.baseUrl());
    }
}
