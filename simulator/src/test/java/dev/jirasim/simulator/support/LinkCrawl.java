package dev.jirasim.simulator.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Follows every URL on the simulator that JSON answers contain, from a set of starting URLs, with one bearer
 * token, until nothing new turns up: the check that the links the simulator writes lead somewhere.
 */
public final class LinkCrawl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LinkCrawl() {
    }

    /**
     * The URLs that did not answer 200 (as "status url"), unless {@code excused} accepts that URL and status.
     * {@code skip} are URLs never requested. Fails the test if the crawl stops early or reaches fewer than 60.
     */
    public static List<String> broken(Collection<String> start, Collection<String> skip, String token, String base,
                                      BiPredicate<String, Integer> excused) throws Exception {
        Deque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new LinkedHashSet<>(start);
        seen.addAll(skip);
        List<String> broken = new ArrayList<>();
        int followed = 0;
        while (!queue.isEmpty() && seen.size() < 2_000) {
            String url = queue.poll();
            Response r = RestAssured.given().auth().oauth2(token).urlEncodingEnabled(false).get(url);
            followed++;
            if (r.statusCode() != 200 && !excused.test(url, r.statusCode())) {
                broken.add(r.statusCode() + " " + url);
                continue;
            }
            if (!String.valueOf(r.contentType()).startsWith("application/json")) continue;
            for (String link : links(JSON.readTree(r.asByteArray()), base)) {
                if (seen.add(link)) queue.add(link);
            }
        }
        assertTrue(followed > 60, "the crawl should reach well beyond its start, reached " + followed);
        assertEquals(0, queue.size(), "the crawl stopped early");
        return broken;
    }

    /** Every string value in the tree that is a URL under {@code base}. */
    private static List<String> links(JsonNode node, String base) {
        var out = new ArrayList<String>();
        collect(node, base, out);
        return out;
    }

    private static void collect(JsonNode node, String base, List<String> out) {
        if (node.isTextual() && node.textValue().startsWith(base + "/")) out.add(node.textValue());
        node.forEach(child -> collect(child, base, out));
    }
}
