package dev.jirasim.simulator.world;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a request changed, so that a request that fails after it changed something can put it back. The server
 * opens a log when a request starts on a thread and closes it when the request ends; stores note an inverse
 * for every change they make while one is open. Nothing is noted when no log is open (world building,
 * embedded use, a request resumed on another thread after an injected delay).
 */
public final class UndoLog {
    private static final ThreadLocal<Deque<Runnable>> CURRENT = new ThreadLocal<>();
    /** What waits for the request to end without a rollback (see {@link #afterCommit}). */
    private static final ThreadLocal<java.util.List<Runnable>> COMMITS = new ThreadLocal<>();

    private UndoLog() {
    }

    /** Starts a fresh log for the request on this thread (dropping anything a previous request left). */
    public static void begin() {
        CURRENT.set(new ArrayDeque<>());
        COMMITS.set(new java.util.ArrayList<>());
    }

    /** Forgets the log: the request ended, and what it kept stands, so what waited for that runs now. */
    public static void end() {
        var commits = COMMITS.get();
        CURRENT.remove();
        COMMITS.remove();
        if (commits == null) return;
        for (Runnable r : commits) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // The answer has gone out; one failed follow-up must not stop the others.
                // Looked up here, not held in a field: building a world must not wait for logging to be configured.
                org.slf4j.LoggerFactory.getLogger(UndoLog.class).error("An action after the request failed", e);
            }
        }
    }

    /**
     * Runs {@code action} once the request on this thread ends without its changes being rolled back (at once when no
     * log is open); a rollback runs {@code dropped} instead. A webhook for a change leaves only if the change stays.
     */
    public static void afterCommit(Runnable action, Runnable dropped) {
        var commits = COMMITS.get();
        if (CURRENT.get() == null || commits == null) {
            action.run();
            return;
        }
        commits.add(action);
        note(() -> {
            commits.remove(action);
            dropped.run();
        });
    }

    /** Notes how to undo a change just made. */
    static void note(Runnable undo) {
        Deque<Runnable> log = CURRENT.get();
        if (log != null) log.push(undo);
    }

    /** {@code map.put(key, value)}, noting how to put back what was there (under {@code lock}, the map's owner). */
    static <K, V> V put(java.util.Map<K, V> map, K key, V value, Object lock) {
        V previous = map.put(key, value);
        note(() -> {
            synchronized (lock) {
                if (previous == null) map.remove(key);
                else map.put(key, previous);
            }
        });
        return previous;
    }

    /** {@code map.remove(key)}, noting how to put it back. */
    static <K, V> V remove(java.util.Map<K, V> map, K key, Object lock) {
        V previous = map.remove(key);
        if (previous != null) {
            note(() -> {
                synchronized (lock) {
                    map.put(key, previous);
                }
            });
        }
        return previous;
    }

    /** {@code map.replaceAll(change)}, noting each value that changed. */
    static <K, V> void replaceAll(java.util.Map<K, V> map, java.util.function.UnaryOperator<V> change, Object lock) {
        for (var e : java.util.List.copyOf(map.entrySet())) {
            V next = change.apply(e.getValue());
            if (next != e.getValue()) put(map, e.getKey(), next, lock);
        }
    }

    /** Undoes this request's changes, newest first, and empties the log; returns how many were undone. */
    public static int rollback() {
        Deque<Runnable> log = CURRENT.get();
        if (log == null) return 0;
        // Undos call the same store methods that note changes: nothing may be noted while they run.
        CURRENT.remove();
        int n = 0;
        try {
            while (!log.isEmpty()) {
                log.pop().run();
                n++;
            }
        } finally {
            CURRENT.set(log);
        }
        return n;
    }
}
