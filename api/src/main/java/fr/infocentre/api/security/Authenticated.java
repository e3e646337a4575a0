package fr.infocentre.api.security;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.accounts.SessionStore;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * The session and account of the request, as {@link GestionGuard} found them before the route ran: a restricted
 * route's handler reads its account here (never from a parameter), e.g. to restrict a list to
 * {@code Authenticated.account(ctx).scope()}.
 */
public final class Authenticated {

    private static final String SESSION = Authenticated.class.getName() + ".session";

    private Authenticated() {
    }

    /** The account of the request; only on restricted routes (the guard refused the request otherwise). */
    public static Account account(Context ctx) {
        return session(ctx).account();
    }

    /** The session of the request; only on restricted routes. */
    public static SessionStore.Session session(Context ctx) {
        return find(ctx).orElseThrow(() -> new IllegalStateException("no session on " + ctx.path()
                + ": Authenticated is for restricted routes, behind GestionGuard"));
    }

    /** The session of the request, when it has a valid one. */
    public static Optional<SessionStore.Session> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** The session's CSRF token, for the forms of the page being rendered. */
    public static String csrfToken(Context ctx) {
        return session(ctx).csrfToken();
    }

    static void set(Context ctx, SessionStore.Session session) {
        ctx.attribute(SESSION, session);
    }
}
