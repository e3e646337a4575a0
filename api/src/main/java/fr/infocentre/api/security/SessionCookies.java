package fr.infocentre.api.security;

import fr.infocentre.api.accounts.Tokens;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * The cookies of the espace gestionnaire: the session cookie (the session's random id, nothing else) and the
 * login form's CSRF cookie (double submit: the same random value is in the form). Both {@code HttpOnly},
 * {@code SameSite=Strict} (never sent with a request started from another site, a link included), path /,
 * no expiry date (gone when the browser closes; the server's timeouts apply). {@code Secure} unless
 * configured off for plain HTTP on localhost; when secure, the names take the {@code __Host-} prefix, which
 * browsers accept only from HTTPS, with path / and no domain: no other site, subdomains included, can set them.
 */
public final class SessionCookies {

    private final boolean secure;
    private final String sessionName;
    private final String loginName;

    public SessionCookies(boolean secure) {
        this.secure = secure;
        String prefix = secure ? "__Host-" : "";
        this.sessionName = prefix + "infocentre-session";
        this.loginName = prefix + "infocentre-connexion";
    }

    public boolean secure() {
        return secure;
    }

    public String sessionName() {
        return sessionName;
    }

    public String loginName() {
        return loginName;
    }

    /** The session id the browser sent, when it has the shape of one. */
    public Optional<String> session(Context ctx) {
        return Optional.ofNullable(ctx.cookie(sessionName)).filter(Tokens::wellFormed);
    }

    /** Whether the browser sent a session cookie at all (a stale one makes the login page say the session expired). */
    boolean sentSession(Context ctx) {
        return ctx.cookie(sessionName) != null;
    }

    public void openSession(Context ctx, String id) {
        ctx.res().addHeader("Set-Cookie", cookie(sessionName, id, -1));
    }

    public void clearSession(Context ctx) {
        ctx.res().addHeader("Set-Cookie", cookie(sessionName, "", 0));
    }

    /** The login form's CSRF token: the browser's own when it has one, else a new one set in its cookie. */
    public String loginToken(Context ctx) {
        String sent = ctx.cookie(loginName);
        if (Tokens.wellFormed(sent)) {
            return sent;
        }
        String token = Tokens.random();
        ctx.res().addHeader("Set-Cookie", cookie(loginName, token, -1));
        return token;
    }

    /** The login form's CSRF token as the browser's cookie holds it (empty when absent or malformed). */
    Optional<String> sentLoginToken(Context ctx) {
        return Optional.ofNullable(ctx.cookie(loginName)).filter(Tokens::wellFormed);
    }

    public void clearLoginToken(Context ctx) {
        ctx.res().addHeader("Set-Cookie", cookie(loginName, "", 0));
    }

    private String cookie(String name, String value, int maxAge) {
        StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=/");
        if (maxAge >= 0) {
            header.append("; Max-Age=").append(maxAge);
        }
        if (secure) {
            header.append("; Secure");
        }
        return header.append("; HttpOnly; SameSite=Strict").toString();
    }
}
