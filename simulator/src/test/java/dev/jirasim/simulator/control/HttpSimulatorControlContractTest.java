package dev.jirasim.simulator.control;

import dev.jirasim.simulator.JirasimServer;

/** The contract through the HTTP door, {@code /__admin} of a server on a random port. */
class HttpSimulatorControlContractTest extends SimulatorControlContract {
    @Override
    Door open(JirasimServer sim) {
        return new Door(HttpSimulatorControl.of(sim.adminUrl()), sim.baseUrl());
    }
}
