package dev.jirasim.conformance.record;

import dev.jirasim.conformance.model.Target;
import java.nio.file.Path;

/**
 * What {@code record} was asked to do.
 *
 * @param upstream the service every request is forwarded to, without a trailing slash
 * @param port     the loopback port to listen on; 0 picks a free one
 * @param out      the scenario file written when the recorder stops
 * @param target   a target whose base URLs and variables the recording is written against, or null
 */
public record RecorderConfig(String upstream, int port, Path out, Target target) {
    public RecorderConfig {
        upstream = upstream.replaceAll("/+$", "");
    }
}
