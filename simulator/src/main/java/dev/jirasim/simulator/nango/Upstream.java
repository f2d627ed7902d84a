package dev.jirasim.simulator.nango;

import java.util.List;
import java.util.Map;

/**
 * How simulated Nango reaches the provider: real HTTP to the simulator's own Atlassian (or DC) routes, so the
 * journal, faults, rate limits and token rules apply to Nango's calls exactly as to anyone else's.
 */
public interface Upstream {
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
            }
            return null;
        }
    }

    /** Sends a request; a transport failure is an {@link java.io.IOException}. */
    Answer send(String method, String url, Map<String, String> headers, byte[] body) throws java.io.IOException;
}
