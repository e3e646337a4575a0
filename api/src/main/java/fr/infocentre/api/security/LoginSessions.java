package fr.infocentre.api.security;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.accounts.SessionStore;
import io.javalin.http.Context;

/**
 * Opening and closing a session from a request. Opening closes the session the browser may still present and
 * gives a new random id (the id changes at login: a session id known before logging in is worth nothing after),
 * sets the session cookie, forgets the login form's CSRF cookie, and makes the new session the request's, so
 * that the login is recorded in the audit log under the account.
 */
public final class LoginSessions {

    private final Accounts accounts;
    private final SessionCookies cookies;

    public LoginSessions(Accounts accounts, SessionCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    public void open(Context ctx, Account account) {
        cookies.session(ctx).ifPresent(accounts.sessions()::close);
        SessionStore.Opened opened = accounts.sessions().open(account.login(), ctx.ip());
        cookies.openSession(ctx, opened.id());
        cookies.clearLoginToken(ctx);
        accounts.sessions().find(opened.id()).ifPresent(session -> Authenticated.set(ctx, session));
        Audit.action(ctx, "connexion");
    }

    public void close(Context ctx) {
        cookies.session(ctx).ifPresent(accounts.sessions()::close);
        cookies.clearSession(ctx);
        Audit.action(ctx, "déconnexion");
    }

    /** The login form's CSRF token for the page being rendered (set in its cookie when new). */
    public String loginToken(Context ctx) {
        return cookies.loginToken(ctx);
    }
}
