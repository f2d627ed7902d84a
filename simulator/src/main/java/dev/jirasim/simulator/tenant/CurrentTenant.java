package dev.jirasim.simulator.tenant;

/**
 * The tenant of the request being handled on this thread. The server sets it for each request (from the
 * {@code /t/{tenant}} prefix); handlers run on that thread synchronously, so any layer can ask without HTTP types.
 */
public final class CurrentTenant {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CurrentTenant() {
    }

    /** The tenant id of the request being handled on this thread; null for the default tenant. */
    public static String id() {
        return CURRENT.get();
    }

    /**
     * Runs work as the given tenant (null: the default one) and restores the previous one afterwards: for a
     * request's own thread, and for a request that resumes on another thread (an asynchronous delay).
     */
    public static void runAs(String tenantId, Runnable work) {
        try (var scope = enter(tenantId)) {
            work.run();
        }
    }

    /** Makes {@code tenantId} (null: the default tenant) current until the returned scope is closed. */
    public static Scope enter(String tenantId) {
        String previous = CURRENT.get();
        set(tenantId);
        return () -> set(previous);
    }

    private static void set(String tenantId) {
        if (tenantId == null) CURRENT.remove();
        else CURRENT.set(tenantId);
    }

    /** Restores the tenant that was current before {@link #enter}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
