package dev.jirasim.simulator.server;

import dev.jirasim.simulator.tenant.CurrentTenant;
import dev.jirasim.simulator.world.UndoLog;
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
 * prefix, so routes, faults and error shapes see the bare path, and makes the tenant id current for the request's
 * thread ({@link CurrentTenant}; handlers run on it synchronously). Without the prefix a request belongs to the default tenant.
 */
public final class TenantRouting implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        var http = (HttpServletRequest) request;
        String uri = http.getRequestURI();
        // Each request starts with an empty undo log on its thread and leaves none behind.
        UndoLog.begin();
        try {
            route(http, uri, response, chain);
        } finally {
            UndoLog.end();
        }
    }

    private static final String SITE_SUFFIX = ".atlassian.net";
    /** {@code {subdomain}.atlassian.net}: a request sent to a site's own host name (hosts file, proxy) reaches {@code /site/{subdomain}}. */
    private static final java.util.regex.Pattern SITE_HOST = java.util.regex.Pattern.compile("([a-z0-9][a-z0-9-]{0,62})\\.atlassian\\.net");

    private static void route(HttpServletRequest http, String uri, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String host = String.valueOf(http.getServerName());
        // Most requests name localhost or an address: only a host ending like a site's is worth the expression.
        var site = host.regionMatches(true, host.length() - SITE_SUFFIX.length(), SITE_SUFFIX, 0, SITE_SUFFIX.length())
                ? SITE_HOST.matcher(host.toLowerCase(java.util.Locale.ROOT)) : null;
        if (site != null && site.matches() && !uri.startsWith("/site/") && !uri.startsWith("/__admin") && !uri.startsWith("/t/")) {
            http = rewritten(http, "/site/" + site.group(1) + uri);
            uri = http.getRequestURI();
        }
        if (!uri.startsWith("/t/")) {
            chain.doFilter(http, response);
            return;
        }
        int end = uri.indexOf('/', 3);
        String id = end < 0 ? uri.substring(3) : uri.substring(3, end);
        String rest = end < 0 ? "/" : uri.substring(end);
        try (var scope = CurrentTenant.enter(id)) {
            chain.doFilter(rewritten(http, rest), response);
        }
    }

    /** The same request with another path (query string and everything else kept). */
    private static HttpServletRequest rewritten(HttpServletRequest http, String path) {
        return new HttpServletRequestWrapper(http) {
            @Override
            public String getRequestURI() {
                return path;
            }

            @Override
            public StringBuffer getRequestURL() {
                var url = new StringBuffer();
                url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort()).append(path);
                return url;
            }
        };
    }
}
