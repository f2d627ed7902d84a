package dev.jirasim.simulator.server;

import io.javalin.config.JavalinState;
import io.javalin.config.RouterConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Javalin's router with an index in front. Javalin finds a request's handler by testing the request path against
 * the regular expressions of every route of its method in turn, and builds those expressions for every route at
 * start-up; with the simulator's five hundred routes that was a tenth of the time of a search request and a good
 * part of a cold start. This router keeps the routes in a tree of literal path segments (a literal, or any one
 * segment for a {@code {param}}), narrows a request to the few routes that can match, and lets Javalin's own
 * matcher decide among them in registration order, building a route's expressions when a request first needs
 * them; so the answer is always the one Javalin would give. Routes with anything else in them (wildcards,
 * {@code <param>}, a parameter inside a segment) are tested for every request, exactly as Javalin does.
 */
final class IndexedRouter extends InternalRouter {
    private final JavalinState state;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private volatile Map<HandlerType, Routes> index;
    private InternalRouter javalins;

    IndexedRouter(JavalinState state) {
        super(state.wsRouter, state.eventManager, state.router, state.jetty);
        this.state = state;
    }

    @Override
    public synchronized InternalRouter addHttpEndpoint(Endpoint endpoint) {
        endpoints.add(endpoint);
        index = null; // rebuilt on the next lookup
        javalins = null;
        return this;
    }

    @Override
    public ParsedEndpoint findFirstHttpHandlerEntry(HandlerType type, String requestUri) {
        Routes r = routes(type);
        if (r == null) return null;
        Found c = r.candidates(requestUri);
        for (int i = 0; i < c.size; i++) {
            ParsedEndpoint e = r.match(c.at[i], requestUri, c);
            if (e != null) return e;
        }
        return null;
    }

    @Override
    public List<ParsedEndpoint> findHttpHandlerEntries(HandlerType type, String requestUri) {
        Routes r = routes(type);
        if (r == null) return List.of();
        var found = new ArrayList<ParsedEndpoint>(2);
        if (requestUri == null) {
            for (int i = 0; i < r.endpoints.size(); i++) found.add(r.parsed(i));
            return found;
        }
        Found c = r.candidates(requestUri);
        for (int i = 0; i < c.size; i++) {
            ParsedEndpoint e = r.match(c.at[i], requestUri, c);
            if (e != null) found.add(e);
        }
        return found;
    }

    @Override
    public boolean hasHttpHandlerEntry(HandlerType type, String requestUri) {
        return findFirstHttpHandlerEntry(type, requestUri) != null;
    }

    /** Every route, in registration order. */
    synchronized List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Javalin's own router holding the same routes: what tests hold this one to. */
    synchronized InternalRouter javalins() {
        if (javalins == null) {
            javalins = new InternalRouter(state.wsRouter, state.eventManager, state.router, state.jetty);
            endpoints.forEach(javalins::addHttpEndpoint);
        }
        return javalins;
    }

    private Routes routes(HandlerType type) {
        Map<HandlerType, Routes> i = index;
        if (i == null) {
            synchronized (this) {
                if (index == null) {
                    var byType = new LinkedHashMap<HandlerType, List<Endpoint>>();
                    for (Endpoint e : endpoints) byType.computeIfAbsent(e.method, k -> new ArrayList<>()).add(e);
                    var built = new HashMap<HandlerType, Routes>();
                    byType.forEach((t, list) -> built.put(t, new Routes(list, state.router)));
                    index = built;
                }
                i = index;
            }
        }
        return i.get(type);
    }

    private static final class Node {
        final Map<String, Node> literal = new HashMap<>();
        Node param;
        int[] ends = new int[0];
    }

    /** The routes of one method, in registration order, each parsed by Javalin when a request first needs it. */
    private static final class Routes {
        final List<Endpoint> endpoints;
        final AtomicReferenceArray<ParsedEndpoint> parsed;
        final RouterConfig config;
        final Node root = new Node();
        /** Routes the tree cannot place: tested for every request. */
        final int[] always;
        /** Routes in the tree: a walk that reaches one has already done all its regular expression would. */
        final boolean[] placed;

        Routes(List<Endpoint> endpoints, RouterConfig config) {
            this.endpoints = List.copyOf(endpoints);
            this.parsed = new AtomicReferenceArray<>(endpoints.size());
            this.config = config;
            var rest = new ArrayList<Integer>();
            this.placed = new boolean[endpoints.size()];
            for (int i = 0; i < endpoints.size(); i++) {
                String[] segments = segments(endpoints.get(i).path);
                if (segments == null) {
                    rest.add(i);
                    continue;
                }
                Node n = root;
                for (String s : segments) {
                    if (isParam(s)) n = n.param == null ? (n.param = new Node()) : n.param;
                    else n = n.literal.computeIfAbsent(s, k -> new Node());
                }
                n.ends = Arrays.copyOf(n.ends, n.ends.length + 1);
                n.ends[n.ends.length - 1] = i;
                placed[i] = true;
            }
            always = rest.stream().mapToInt(Integer::intValue).toArray();
        }

        /** A route path's segments, or null when it has anything but literals and whole-segment {params}. */
        private static String[] segments(String path) {
            if (!path.startsWith("/") || path.contains("*") || path.contains("<") || path.contains(">") || path.contains("//")) return null;
            if (path.length() > 1 && path.endsWith("/")) return null;
            String[] s = path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
            for (String seg : s) {
                boolean hasBrace = seg.indexOf('{') >= 0 || seg.indexOf('}') >= 0;
                if (hasBrace && !isParam(seg)) return null;
            }
            return s;
        }

        private static boolean isParam(String segment) {
            return segment.length() > 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}'
                    && segment.indexOf('{', 1) < 0 && segment.indexOf('}') == segment.length() - 1;
        }

        /** Javalin's parsing of route {@code i}: its regular expressions are built here, once, not at start-up. */
        ParsedEndpoint parsed(int i) {
            ParsedEndpoint p = parsed.get(i);
            if (p != null) return p;
            parsed.compareAndSet(i, null, new ParsedEndpoint(endpoints.get(i), config));
            return parsed.get(i);
        }

        /** Route {@code i}'s parsed form when it matches {@code uri} (Javalin's own test, shortcuts included), else null. */
        ParsedEndpoint match(int i, String uri, Found found) {
            String path = endpoints.get(i).path;
            ParsedEndpoint p = parsed(i);
            // A route the walk reached fits segment for segment: Javalin's expression for it is its literals, escaped,
            // and [^/]+? per parameter, so testing it again would only repeat the walk; save a trailing slash, which
            // the walk ignores and Javalin only when told to.
            if (found.walked && placed[i] && (config.ignoreTrailingSlashes || uri.length() == 1 || uri.charAt(uri.length() - 1) != '/')) return p;
            return path.equals("*") || path.equals(uri) || p.matches(uri) ? p : null;
        }

        /** The routes that may match {@code uri}, in registration order. */
        Found candidates(String uri) {
            var found = new Found();
            if (config.caseInsensitiveRoutes || config.treatMultipleSlashesAsSingleSlash
                    || uri.isEmpty() || uri.charAt(0) != '/' || uri.contains("//")) {
                // Not a shape the tree knows: every route, as Javalin would test them.
                for (int i = 0; i < endpoints.size(); i++) found.add(i);
                return found;
            }
            found.walked = true;
            for (int a : always) found.add(a);
            // A trailing slash ends the walk like the end of the path; whether it may match is Javalin's call.
            walk(root, uri, 1, uri.length(), found);
            Arrays.sort(found.at, 0, found.size);
            return found;
        }

        /** Every route whose segments fit {@code uri} from {@code from} on; literal and parameter branches both. */
        private static void walk(Node n, String uri, int from, int end, Found found) {
            if (from >= end) {
                for (int e : n.ends) found.add(e);
                return;
            }
            int slash = uri.indexOf('/', from);
            int to = slash < 0 || slash > end ? end : slash;
            if (to == from) return; // an empty segment matches nothing
            if (!n.literal.isEmpty()) {
                Node lit = n.literal.get(uri.substring(from, to));
                if (lit != null) walk(lit, uri, to + 1, end, found);
            }
            if (n.param != null) walk(n.param, uri, to + 1, end, found);
        }
    }

    private static final class Found {
        int[] at = new int[8];
        int size;
        /** Whether the tree chose these (else they are every route, for a path the tree does not know). */
        boolean walked;

        void add(int route) {
            if (size == at.length) at = Arrays.copyOf(at, size * 2);
            at[size++] = route;
        }
    }
}
