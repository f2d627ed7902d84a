package dev.jirasim.simulator.control;

import dev.jirasim.simulator.JirasimServer;

/** The contract through the HTTP door of a tenant, {@code /t/{id}/__admin}: the same calls reach only that world. */
class HttpSimulatorControlTenantContractTest extends SimulatorControlContract {
    @Override
    Door open(JirasimServer sim) {
        String id = sim.createTenant("contract").id();
        return new Door(HttpSimulatorControl.of(sim.baseUrl(id) + "/__admin/"), sim.baseUrl(id));
    }
}
