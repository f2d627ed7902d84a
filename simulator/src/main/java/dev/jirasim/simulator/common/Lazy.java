package dev.jirasim.simulator.common;

import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks first. For what a cold start should not pay for until a
 * request needs it: a JDK {@code HttpClient}, for one, initialises TLS when it is built (about 0.2 s on a cold JVM).
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> make;
    private volatile T value;

    private Lazy(Supplier<? extends T> make) {
        this.make = make;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> make) {
        return new Lazy<>(make);
    }

    @Override
    public T get() {
        T v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value == null) value = java.util.Objects.requireNonNull(make.get(), "a lazy value was made null");
            return value;
        }
    }
}
