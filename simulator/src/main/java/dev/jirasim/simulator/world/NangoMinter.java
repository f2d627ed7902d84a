package dev.jirasim.simulator.world;

/**
 * Completes a Nango connection that a world file seeds with a {@code user} instead of credentials, as if that
 * user had just run the connect flow. What a finished connect flow stores is Nango's knowledge, so the nango
 * package implements this interface. The loader finds that implementation through {@link java.util.ServiceLoader}
 * ({@code META-INF/services}): the world package never names a service package, yet {@link World#of} still
 * loads, mints and fails as one step, so a bad seeded connection rejects the whole world file.
 */
public interface NangoMinter {
    /**
     * The connection with credentials (and the connection config the connect flow would have stored).
     *
     * @param world the world being loaded: its sites, users, apps and tokens are in place, its Nango
     *              environment is not yet
     * @throws WorldException when the user or one of the sites does not fit
     */
    NangoSettings.Connection mint(NangoSettings.Connection seed, NangoSettings.Integration integration, World world);
}
