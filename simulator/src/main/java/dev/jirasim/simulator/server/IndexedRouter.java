package dev.jirasim.simulator.server;

import io.javalin.config.JavalinState;
import io.javalin.http.HandlerType;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Javalin's router with an index in front. Javalin finds a request's handler by testing the request path against
 * the regular expression of every route of its method in turn; with the simulator's few hundred routes that was a
 * tenth of the time of a search request, and most of the regex work a cold start did. This router narrows the routes
 * to the few whose literal path segments fit the request (a tree of segments: a literal, or any one segment for a
 * {@code {param}}), then lets Javalin's own matcher decide among them in registration order, so the answer is
 * always the one Javalin would give: routes with anything else in them (wildcards, {@code <param>}, a parameter
 * inside a segment) are tested for every request, exactly as before.
 */
final class IndexedRouter extends InternalRouter {
    /** Below this many routes of a method, the index would not pay for itself. */
    private static final int INDEX_FROM = 8;

    private final io.javalin.config.RouterConfig config;
    private volatile Index index;

    IndexedRouter(JavalinState state) {
        super(state.wsRouter, state.eventManager, state.router, state.jetty);
        this.config = state.router;
    }

    @Override
    public InternalRouter addHttpEndpoint(io.javalin.router.Endpoint endpoint) {
        InternalRouter result = super.addHttpEndpoint(endpoint);
        index = null; // rebuilt on the next lookup
        return result;
    }

    @Override
    public ParsedEndpoint findFirstHttpHandlerEntry(HandlerType type, String requestUri) {
        Candidates c = candidates(type, requestUri);
        if (c == null) return super.findFirstHttpHandlerEntry(type, requestUri);
        for (int i = 0; i < c.size; i++) {
            ParsedEndpoint e = c.routes.get(c.at[i]);
            if (e.matches(requestUri)) return e;
        }
        return null;
    }

    @Override
    public List<ParsedEndpoint> findHttpHandlerEntries(HandlerType type, String requestUri) {
        Candidates c = requestUri == null ? null : candidates(type, requestUri);
        if (c == null) return super.findHttpHandlerEntries(type, requestUri);
        var found = new ArrayList<ParsedEndpoint>(2);
        for (int i = 0; i < c.size; i++) {
            ParsedEndpoint e = c.routes.get(c.at[i]);
            if (e.matches(requestUri)) found.add(e);
        }
        return found;
    }

    @Override
    public boolean hasHttpHandlerEntry(HandlerType type, String requestUri) {
        Candidates c = candidates(type, requestUri);
        if (c == null) return super.hasHttpHandlerEntry(type, requestUri);
        for (int i = 0; i < c.size; i++) {
            if (c.routes.get(c.at[i]).matches(requestUri)) return true;
        }
        return false;
    }

    /** Javalin's own answers, without the index: what tests hold the index to. */
    ParsedEndpoint unindexedFirst(HandlerType type, String requestUri) {
        return super.findFirstHttpHandlerEntry(type, requestUri);
    }

    List<ParsedEndpoint> unindexedAll(HandlerType type, String requestUri) {
        return super.findHttpHandlerEntries(type, requestUri);
    }

    /** The routes of {@code type} that may match, in registration order; null: ask Javalin directly. */
    private Candidates candidates(HandlerType type, String uri) {
        if (config.caseInsensitiveRoutes || config.treatMultipleSlashesAsSingleSlash) return null;
        if (uri.isEmpty() || uri.charAt(0) != '/' || uri.contains("//")) return null;
        Index i = index;
        if (i == null) index = i = new Index(allHttpHandlers());
        Tree tree = i.trees.get(type);
        return tree == null ? null : tree.candidates(uri);
    }

    /** One tree per method with enough routes. */
    private static final class Index {
        final Map<HandlerType, Tree> trees = new HashMap<>();

        Index(List<ParsedEndpoint> all) {
            var byType = new java.util.LinkedHashMap<HandlerType, List<ParsedEndpoint>>();
            for (ParsedEndpoint e : all) byType.computeIfAbsent(e.endpoint.method, k -> new ArrayList<>()).add(e);
            byType.forEach((type, routes) -> {
                if (routes.size() >= INDEX_FROM) trees.put(type, new Tree(routes));
            });
        }
    }

    private static final class Node {
        final Map<String, Node> literal = new HashMap<>();
        Node param;
        int[] ends = new int[0];
    }

    private record Candidates(List<ParsedEndpoint> routes, int[] at, int size) {
    }

    private static final class Tree {
        final List<ParsedEndpoint> routes;
        final Node root = new Node();
        /** Routes the tree cannot place: tested for every request. */
        final int[] always;

        Tree(List<ParsedEndpoint> routes) {
            this.routes = List.copyOf(routes);
            var rest = new ArrayList<Integer>();
            for (int i = 0; i < routes.size(); i++) {
                String[] segments = segments(routes.get(i).endpoint.path);
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

        Candidates candidates(String uri) {
            // A trailing slash ends the walk like the end of the path; whether it may match is Javalin's call.
            var found = new Found(always);
            walk(root, uri, 1, uri.length(), found);
            Arrays.sort(found.at, 0, found.size);
            return new Candidates(routes, found.at, found.size);
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
        int[] at;
        int size;

        Found(int[] always) {
            at = Arrays.copyOf(always, always.length + 4);
            size = always.length;
        }

        void add(int route) {
            if (size == at.length) at = Arrays.copyOf(at, size * 2);
            at[size++] = route;
        }
    }
}
