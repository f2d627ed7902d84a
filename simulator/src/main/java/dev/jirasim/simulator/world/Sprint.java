package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A sprint of a board on one site: what the Sprint custom field holds. Only what issues and JQL need: the
 * board is a number, with no board model behind it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sprint(long id, String site, String name, String state, long boardId, String goal, Instant startDate, Instant endDate,
                     Instant completeDate) {
    public static final List<String> STATES = List.of("future", "active", "closed");

    public Sprint {
        Objects.requireNonNull(site, "a sprint needs a 'site'");
        Objects.requireNonNull(name, "a sprint needs a 'name'");
        if (state == null) state = "future";
        if (!STATES.contains(state)) throw new IllegalArgumentException("sprint state must be one of " + STATES + ": " + state);
        if (id <= 0) throw new IllegalArgumentException("a sprint needs a positive 'id'");
    }
}
