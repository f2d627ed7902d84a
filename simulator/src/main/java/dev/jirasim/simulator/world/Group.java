package dev.jirasim.simulator.world;

import java.util.List;
import java.util.Objects;

/** A group of users on one site; {@code members} are e-mail addresses or account ids of site members. */
public record Group(String id, String site, String name, List<String> members) {
    public Group {
        Objects.requireNonNull(id, "a group needs an 'id'");
        Objects.requireNonNull(site, "a group needs a 'site'");
        Objects.requireNonNull(name, "a group needs a 'name'");
        members = members == null ? List.of() : List.copyOf(members);
    }

    public boolean has(User user) {
        return members.stream().anyMatch(user::matches);
    }
}
