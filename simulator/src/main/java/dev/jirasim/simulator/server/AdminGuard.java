package dev.jirasim.simulator.server;

import dev.jirasim.simulator.common.Problem;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * With {@code --admin-token}, every control API request (of any tenant) must carry
 * {@code Authorization: Bearer <token>} (or, from a browser, the dashboard's session cookie), except the health probe
 * and the dashboard's sign-in; compared in constant time so the answer's timing tells nothing.
 */
final class AdminGuard implements Handler {
    /** With {@code --no-admin}: no control API at all, every {@code /__admin} path is not found, as on a live service. */
    static final Handler NONE = ctx -> {
        if (Hosts.of(ctx.path()) == Hosts.ADMIN) {
            throw new Problem(404, "not_found", "No control API: this simulator was started with --no-admin.");
        }
    };
    /** The one control path open without a token: where the dashboard's sign-in form posts the token. */
    static final String SIGN_IN = "/__admin/dashboard/sign-in";
    private final byte[] expected;
    private final AdminSession session;

    AdminGuard(String token, AdminSession session) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.session = session;
    }

    @Override
    public void handle(Context ctx) {
        // The health probe tells nothing but readiness and version: load balancers and build plugins hold no token.
        if (Hosts.of(ctx.path()) != Hosts.ADMIN || ctx.path().equals(Health.PATH) || ctx.path().equals(SIGN_IN)) return;
        // A browser signed in on the dashboard carries the session cookie instead of the header.
        if (session.signedIn(ctx.cookie(AdminSession.COOKIE))) return;
        String header = ctx.header("Authorization");
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new Problem(401, "unauthorized", "The control API needs Authorization: Bearer <admin token>.");
        }
    }
}
