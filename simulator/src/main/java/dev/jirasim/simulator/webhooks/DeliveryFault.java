package dev.jirasim.simulator.webhooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A failure of the simulator's own sending side, as real webhooks have them (at least once, in no set order, late):
 * applies to the first attempt of each delivery whose URL starts with {@code url} (every URL when null), for the next
 * {@code times} deliveries (all until cleared when null).
 *
 * @param kind    {@link Kind#DUPLICATE}: sent twice, same identifier; {@link Kind#DELAY}: sent once the world's clock
 *                has moved {@code seconds} on; {@link Kind#REORDER}: held until the clock next moves, then sent newest
 *                first, so a receiver sees later events before earlier ones
 * @param seconds for DELAY: how far the clock must move (1 or more)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryFault(String id, Kind kind, String url, Long seconds, Integer times) {

    public DeliveryFault {
        if (kind == null) throw new IllegalArgumentException("'kind' is required: duplicate, delay or reorder.");
        if (kind == Kind.DELAY && (seconds == null || seconds < 1 || seconds > 365L * 24 * 3600)) {
            throw new IllegalArgumentException("a delay needs 'seconds' from 1 to 31536000.");
        }
        if (kind != Kind.DELAY && seconds != null) throw new IllegalArgumentException("'seconds' is only for a delay.");
        if (times != null && times < 1) throw new IllegalArgumentException("'times' must be 1 or more.");
        if (url != null && url.isBlank()) url = null;
    }

    /** A fault for every delivery to every URL. */
    public static DeliveryFault of(Kind kind) {
        return new DeliveryFault(null, kind, null, null, null);
    }

    public static DeliveryFault delay(long seconds) {
        return new DeliveryFault(null, Kind.DELAY, null, seconds, null);
    }

    DeliveryFault withId(String next) {
        return new DeliveryFault(next, kind, url, seconds, times);
    }

    /** One use less (for a fault with more than one left). */
    DeliveryFault used() {
        return times == null ? this : new DeliveryFault(id, kind, url, seconds, times - 1);
    }

    boolean matches(String target) {
        return url == null || target.startsWith(url);
    }

    public enum Kind {
        DUPLICATE, DELAY, REORDER;

        @JsonCreator
        public static Kind of(String text) {
            for (Kind k : values()) if (k.name().equalsIgnoreCase(text)) return k;
            throw new IllegalArgumentException("'kind' must be duplicate, delay or reorder, not '" + text + "'.");
        }

        @JsonValue
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
