package dev.jirasim.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.tenant.Tenants;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The index in front of Javalin's router never changes an answer: over the simulator's own route table, for
 * request paths made from its routes (parameters filled in, segments dropped, swapped or added, trailing
 * slashes, encoded and odd characters) and for arbitrary paths, the indexed router picks exactly the route
 * Javalin's linear matcher picks, and finds the same list of matches.
 */
class IndexedRouterProperties {
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.DELETE, HandlerType.PATCH, HandlerType.HEAD, HandlerType.BEFORE);
    private static SimulatorServer server;
    private static IndexedRouter router;
    private static List<String> paths;

    @BeforeContainer
    static void start() {
        server = new SimulatorServer(new SimulatorServer.Binding("127.0.0.1", 0, null, false),
                () -> new CompletableFuture<Tenants>().join(), () -> false).start();
        router = server.router();
        paths = router.endpoints().stream().map(e -> e.path).distinct().toList();
    }

    @AfterContainer
    static void stop() {
        server.stop();
    }

    @Property(tries = 3000)
    void theIndexPicksWhatJavalinPicks(@ForAll("requests") String uri, @ForAll("methods") HandlerType method) {
        assertSameChoice(method, uri);
    }

    @Example
    void everyRouteIsFoundByItsOwnPathWithItsParametersFilledIn() {
        int checked = 0;
        for (Endpoint e : router.endpoints()) {
            String uri = e.path.replaceAll("\\{[^}/]+}", "x1").replace("*", "any/thing");
            ParsedEndpoint chosen = router.findFirstHttpHandlerEntry(e.method, uri);
            assertNotNull(chosen, uri);
            assertSameChoice(e.method, uri);
            checked++;
        }
        assertEquals(router.endpoints().size(), checked);
        assertTrue(checked > 400, "the simulator's routes: " + checked);
    }

    @Example
    void edgeCases() {
        for (String uri : List.of("/", "/api", "/api/", "/api//ex", "/nango/connection/", "/__admin/health/", "/site/acme/rest/api/3/myself",
                "/api/ex/jira/%2F/rest/api/3/myself", "/api/ex/jira/ /rest/api/3/myself", "/dc/main/rest/api/2/issue/PROJ-1/",
                "/does/not/exist", "/auth/oauth/token", "/auth/oauth/token//")) {
            for (HandlerType m : METHODS) assertSameChoice(m, uri);
        }
    }

    /** The same route (Javalin's router holds its own parsed copies of the same endpoints), the same list, the same yes or no. */
    private static void assertSameChoice(HandlerType method, String uri) {
        var javalins = router.javalins();
        ParsedEndpoint expected = javalins.findFirstHttpHandlerEntry(method, uri);
        ParsedEndpoint actual = router.findFirstHttpHandlerEntry(method, uri);
        assertSame(expected == null ? null : expected.endpoint, actual == null ? null : actual.endpoint, method + " " + uri);
        assertEquals(javalins.findHttpHandlerEntries(method, uri).stream().map(e -> e.endpoint).toList(),
                router.findHttpHandlerEntries(method, uri).stream().map(e -> e.endpoint).toList(), method + " " + uri);
        assertEquals(javalins.hasHttpHandlerEntry(method, uri), router.hasHttpHandlerEntry(method, uri), method + " " + uri);
    }

    @Provide
    Arbitrary<HandlerType> methods() {
        return Arbitraries.of(METHODS);
    }

    @Provide
    Arbitrary<String> requests() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019-_.~%20").ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("x1", "ACME-1", "7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70", "%2F", "{id}", "*", "é", "a b", ".."));
        Arbitrary<String> fromRoutes = Combinators.combine(Arbitraries.of(paths), segment.list().ofMaxSize(3),
                Arbitraries.integers().between(0, 5), Arbitraries.of("", "/", "//")).as((path, extra, mutation, tail) -> {
                    List<String> parts = new ArrayList<>(List.of(path.substring(1).split("/", -1)));
                    parts.replaceAll(p -> p.startsWith("{") || p.startsWith("<") || p.equals("*") ? (extra.isEmpty() ? "v" : extra.get(0)) : p);
                    switch (mutation) {
                        case 1 -> { if (!parts.isEmpty()) parts.remove(parts.size() - 1); }
                        case 2 -> parts.addAll(extra);
                        case 3 -> { if (parts.size() > 1) parts.set(1, extra.isEmpty() ? "zz" : extra.get(0)); }
                        case 4 -> { if (!parts.isEmpty()) parts.set(parts.size() - 1, parts.get(parts.size() - 1).toUpperCase()); }
                        default -> { }
                    }
                    return "/" + String.join("/", parts) + tail;
                });
        Arbitrary<String> random = segment.list().ofMaxSize(7).map(l -> "/" + String.join("/", l));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, fromRoutes), net.jqwik.api.Tuple.of(1, random));
    }
}
