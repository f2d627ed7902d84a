package dev.jirasim.simulator.world;

import java.time.Instant;

/** An issue comment; {@code body} is an Atlassian Document Format tree (maps, lists, strings). */
public record Comment(String id, String author, Object body, Instant created, Instant updated) {
    public Comment {
        body = Adf.freeze(body); // stored compactly; see Adf.freeze
    }
}
