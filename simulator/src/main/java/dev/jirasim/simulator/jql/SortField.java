package dev.jirasim.simulator.jql;

/** One ORDER BY field; {@code direction} is null when the query left it to the field's default. */
public record SortField(String field, Direction direction) {
    public enum Direction { ASC, DESC }
}
