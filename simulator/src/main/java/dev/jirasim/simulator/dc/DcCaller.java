package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.DcRuntime;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;

/** Who calls a Data Center instance's REST API: the signed-in user, on which instance, with which base URL. */
record DcCaller(World world, DcRuntime dc, String base, User user) {
    /** The instance id, which is the "site" its projects and issues belong to. */
    String site() {
        return dc.instance().id();
    }

    boolean can(Project p, Permission permission) {
        return dc.jira().can(user, p, permission);
    }
}
