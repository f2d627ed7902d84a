package dev.jirasim.simulator.server;

import dev.jirasim.simulator.atlassian.auth.AuthErrors;
import dev.jirasim.simulator.atlassian.resources.GatewayErrors;
import dev.jirasim.simulator.common.ErrorShape;
import dev.jirasim.simulator.control.AdminErrors;

/** The emulated host a path belongs to, which decides the shape of its errors. */
public enum Hosts {
    AUTH("/auth", AuthErrors.SHAPE),
    JIRA("/api/ex/jira", dev.jirasim.simulator.jira.cloud.JiraErrors.SHAPE),
    API("/api", GatewayErrors.SHAPE),
    SITE("/site", dev.jirasim.simulator.jira.cloud.JiraErrors.SHAPE),
    ADMIN("/__admin", AdminErrors.SHAPE),
    NANGO("/nango", dev.jirasim.simulator.nango.NangoErrors.SHAPE),
    DC("/dc", dev.jirasim.simulator.dc.DcErrors.SHAPE),
    NONE("", AdminErrors.SHAPE);

    private final String prefix;
    private final ErrorShape shape;

    Hosts(String prefix, ErrorShape shape) {
        this.prefix = prefix;
        this.shape = shape;
    }

    public ErrorShape shape() {
        return shape;
    }

    public static Hosts of(String path) {
        for (Hosts h : values()) {
            if (h != NONE && (path.equals(h.prefix) || path.startsWith(h.prefix + "/"))) return h;
        }
        return NONE;
    }
}
