package dev.jirasim.simulator.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An installed {@link FaultRule} as it stands: its id, how many more requests it applies to ({@code null}
 * without {@code times}; 0 once spent) and how many requests it has matched.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id"})
public record Fault(String id, @JsonUnwrapped FaultRule rule, Integer remaining, long hits) {
}
