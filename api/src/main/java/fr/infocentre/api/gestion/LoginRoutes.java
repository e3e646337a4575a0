package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.accounts.Authenticator;
import fr.infocentre.api.accounts.LoginThrottle;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.Authenticated;
import fr.infocentre.api.security.GestionGuard;
import fr.infocentre.api.security.LoginSessions;
import fr.infocentre.api.security.RestrictedRoutes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Map;

/**
 * The login form ({@code GET, POST /gestion/connexion}, open without a session, its POST checked by the guard
 * against its CSRF cookie) and the logout ({@code POST /gestion/deconnexion}). A successful login closes the
 * session the browser may still hold and opens a new one under a new random id (the id changes at login).
 */
final class LoginRoutes {

    static final String HOME = RestrictedRoutes.PAGES;

    private final Accounts accounts;
    private final LoginSessions sessions;
    private final HtmlRenderer html;

    LoginRoutes(Accounts accounts, LoginSessions sessions, HtmlRenderer html) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.html = html;
    }

    void add(RestrictedRoutes routes) {
        routes.get(GestionGuard.LOGIN, GestionGuard.loginAccess(), this::form);
        routes.post(GestionGuard.LOGIN, GestionGuard.loginAccess(), this::login);
        routes.post(RestrictedRoutes.PAGES + "/deconnexion", Access.anyRole(), this::logout);
    }

    private void form(Context ctx) {
        String back = back(ctx.queryParam("retour"));
        if (Authenticated.find(ctx).isPresent()) {
            ctx.redirect(back, HttpStatus.SEE_OTHER);
            return;
        }
        String info = null;
        if ("expiree".equals(ctx.queryParam("motif"))) {
            info = "Votre session a expiré : reconnectez-vous.";
        } else if ("deconnexion".equals(ctx.queryParam("motif"))) {
            info = "Vous êtes déconnecté.";
        }
        render(ctx, back, "", info, null);
    }

    private void login(Context ctx) {
        String back = back(ctx.formParam("retour"));
        String login = ctx.formParam("identifiant");
        String password = ctx.formParam("mot_de_passe");
        login = login == null ? "" : login;
        Authenticator.Result result = accounts.authenticator().login(login,
                (password == null ? "" : password).toCharArray(), ctx.ip());
        if (result instanceof Authenticator.Result.Throttled throttled) {
            long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(throttled.retryAfter().toSeconds() + 1));
            render(ctx, back, LoginThrottle.key(login), null, "Trop de tentatives de connexion ont échoué. Réessayez dans "
                    + minutes + (minutes > 1 ? " minutes." : " minute."));
            return;
        }
        if (result instanceof Authenticator.Result.Refused) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, back, LoginThrottle.key(login), null, "Identifiant ou mot de passe incorrect.");
            return;
        }
        sessions.open(ctx, ((Authenticator.Result.Success) result).account());
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        sessions.close(ctx);
        ctx.redirect(GestionGuard.LOGIN + "?motif=deconnexion", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String back, String login, String info, String error) {
        Map<String, Object> model = PageModels.base(ctx);
        model.put("csrf", sessions.loginToken(ctx));
        model.put("retour", back.equals(HOME) ? null : back);
        model.put("identifiant", login);
        model.put("info", info);
        model.put("erreur", error);
        LoginThrottle.Policy policy = accounts.throttle().policy();
        model.put("essais", policy.perLogin());
        model.put("attente", policy.window().toMinutes());
        html.write(ctx, "gestion-connexion", model);
    }

    /**
     * Where to go after logging in: a path of the espace gestionnaire's pages, never another site (no scheme, no
     * {@code //}, no backslash, no control character, no dot segment, encoded or not); the espace's home otherwise.
     */
    static String back(String asked) {
        if (asked == null || asked.length() > 512 || !asked.startsWith(HOME) || asked.startsWith(GestionGuard.LOGIN)
                || asked.contains("//") || asked.contains("\\") || asked.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return HOME;
        }
        String path = asked.split("\\?", 2)[0].toLowerCase(java.util.Locale.ROOT);
        if (path.contains("/.") || path.contains("%2e") || path.contains("%2f") || path.contains("%5c")) {
            return HOME;
        }
        String rest = asked.substring(HOME.length());
        return rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?") ? asked : HOME;
    }
}
