package dev.jirasim.simulator.jira.cloud;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The enhanced search's {@code nextPageToken}: opaque to clients; ours carries the offset and a hash of the
 * query it belongs to, so a token is refused when it is malformed or used with another query.
 */
record PageToken(int offset, int queryHash) {
    private static final String PREFIX = "jirasim-page:";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset + ":" + queryHash).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for an absent or empty token (page one); throws for a malformed one. */
    static PageToken decode(String token, int expectedHash) {
        if (token == null || token.isEmpty()) return null;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) throw new IllegalArgumentException();
            String[] parts = text.substring(PREFIX.length()).split(":");
            var decoded = new PageToken(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            if (decoded.offset < 0 || decoded.queryHash != expectedHash) throw new IllegalArgumentException();
            return decoded;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw JiraErrors.badRequest("The provided next page token is invalid or expired.");
        }
    }
}
