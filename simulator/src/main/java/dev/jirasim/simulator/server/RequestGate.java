package dev.jirasim.simulator.server;

import dev.jirasim.simulator.common.Escapes;
import dev.jirasim.simulator.common.Limits;
import dev.jirasim.simulator.common.MediaTypes;
import dev.jirasim.simulator.common.Problem;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;

/**
 * The first look at every request, before any route. A path with a broken percent-escape ({@code %u002e})
 * is a 400 in the host's shape, not a failure while routing. Reads every request body once: the journal keeps a masked copy of each, a body whose
 * framing is broken (a bad chunk size, a stream that ends early) is Jetty's 400 rather than a failure deep in
 * a route, and text that could never be written out again (an unpaired surrogate escape) is refused at the
 * door instead of being stored. Routes then read the cached copy.
 */
final class RequestGate implements Handler {
    @Override
    public void handle(Context ctx) {
        int bad = brokenEscape(ctx.path());
        if (bad >= 0) {
            throw new Problem(400, "invalid_request", "The request path has a malformed percent-escape at character " + bad
                    + ": '%' must be followed by two hexadecimal digits.");
        }
        if (!hasBody(ctx)) return;
        // Declared too large: each route answers that in its own host's words, without reading a byte.
        if (ctx.req().getContentLengthLong() > Limits.MAX_REQUEST_BYTES) return;
        // Multipart parts are read by the servlet container itself; reading the stream here would take them away.
        if (MediaTypes.of(ctx.contentType()).startsWith("multipart/")) return;
        String body;
        try {
            body = ctx.body();
        } catch (HttpResponseException e) {
            throw e; // a chunked body that grew too large: the host's 413 (the stream is spent, no route can read it again)
        } catch (java.nio.charset.UnsupportedCharsetException | java.nio.charset.IllegalCharsetNameException e) {
            return; // a route that reads the body answers 415; one that does not, never cared
        } catch (Exception e) { // Kotlin code below may throw a checked IOException undeclared
            if (unreadable(e)) throw new Problem(400, "invalid_request", "The request body could not be read: its framing is broken "
                    + "(a malformed chunk or a stream that ended early).");
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        ctx.attribute(SimulatorServer.BODY_ATTRIBUTE, body);
        int at = Escapes.unpairedSurrogate(body);
        if (at >= 0) {
            throw new Problem(400, "invalid_request", "The request body contains an unpaired UTF-16 surrogate escape ("
                    + body.substring(at, Math.min(body.length(), at + 6)) + ") at offset " + at + ": text must be valid Unicode.");
        }
    }

    /** The offset of the first '%' not followed by two hex digits, or -1. */
    static int brokenEscape(String path) {
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) return i;
        }
        return -1;
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    /** Jetty's verdict on a broken body: a bad message, or an I/O error from the request stream. */
    static boolean unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException || t instanceof java.io.IOException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
