package dev.jirasim.simulator.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * Serves every tenant's URL map under {@code /t/{tenant}}: a servlet filter in front of Javalin strips the
 * prefix, so routes, faults and error shapes see the bare path, and remembers the tenant id for the request's
 * thread (handlers run on it synchronously). Without the prefix a request belongs to the default tenant.
 */
public final class TenantRouting implements Filter {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The tenant id of the request being handled on this thread; null for the default tenant. */
    public static String current() {
        return CURRENT.get();
    }

    /**
     * Runs work for a request that resumes on another thread (an asynchronous delay), as that request's tenant;
     * Javalin continues the request's handlers inside it, so they see the right tenant too.
     */
    public static void runAs(String tenantId, Runnable work) {
        String previous = CURRENT.get();
        if (tenantId == null) CURRENT.remove();
        else CURRENT.set(tenantId);
        try {
            work.run();
        } finally {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        var http = (HttpServletRequest) request;
        String uri = http.getRequestURI();
        // Each request starts with an empty undo log on its thread and leaves none behind.
        dev.jirasim.simulator.world.UndoLog.begin();
        try {
            route(http, uri, response, chain);
        } finally {
            dev.jirasim.simulator.world.UndoLog.end();
        }
    }

    private static void route(HttpServletRequest http, String uri, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!uri.startsWith("/t/")) {
            chain.doFilter(http, response);
            return;
        }
        int end = uri.indexOf('/', 3);
        String id = end < 0 ? uri.substring(3) : uri.substring(3, end);
        String rest = end < 0 ? "/" : uri.substring(end);
        CURRENT.set(id.isEmpty() ? "" : id);
        try {
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getRequestURI() {
                    return rest;
                }

                @Override
                public StringBuffer getRequestURL() {
                    var url = new StringBuffer();
                    url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort()).append(rest);
                    return url;
                }
            }, response);
        } finally {
            CURRENT.remove();
        }
    }
}
