package fr.infocentre.api.security;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.accounts.SessionStore;
import fr.infocentre.api.accounts.Tokens;
import fr.infocentre.api.request.RequestError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one gate of the espace gestionnaire, in front of every restricted path ({@link RestrictedRoutes#isRestricted}),
 * whatever route is behind it, so that a route added later is protected by construction:
 * <ol>
 * <li>before any route: {@code Cache-Control: no-store}, no referrer, not indexed; parameters bounded; the session read from its cookie and
 * checked against the store (account enabled, idle and absolute timeouts) at every request; no session: a
 * redirect to the login form for a page read (GET), 401 otherwise (JSON under the API); a state-changing
 * request (any method but GET, HEAD, OPTIONS) without the session's CSRF token (form field {@value #CSRF_FIELD}
 * or header {@value #CSRF_HEADER}): 403. The login form alone is open, its POST checked by its own CSRF cookie;</li>
 * <li>once the route is known: the {@link Access} it declares (none: 403 to everybody), the account's role,
 * then every territory parameter, declared or conventional ({@link TerritoryParameter#CONVENTIONAL}), against
 * the account's scope (400 or 403);</li>
 * <li>after the route: the request recorded in the audit log ({@link Audit}); when it cannot be, the response
 * is replaced by a 500 (nothing leaves unaudited).</li>
 * </ol>
 */
public final class GestionGuard {

    /** The form field of the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";
    /** The request header of the CSRF token, for the JSON API. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The login form: the only restricted path open without a session. */
    public static final String LOGIN = RestrictedRoutes.PAGES + "/connexion";

    private static final Logger LOG = LoggerFactory.getLogger(GestionGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Accounts accounts;
    private final SessionCookies cookies;
    private final TerritoryCheck territories;
    private final Audit audit;

    public GestionGuard(Accounts accounts, SessionCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
        this.territories = new TerritoryCheck(accounts.geography());
        this.audit = new Audit(accounts.audit(), accounts.clock());
    }

    /** Registers the guard's three handlers; call it before adding any restricted route. */
    public void add(RoutesConfig routes) {
        routes.before(this::authenticate);
        routes.beforeMatched(this::authorize);
        routes.after(this::record);
    }

    /** The declaration of the login routes (open without a session). */
    public static Access loginAccess() {
        return Access.anonymous();
    }

    /** Whether a path is the login form's (with or without a trailing slash, as the router matches it). */
    static boolean isLogin(String path) {
        return path.equals(LOGIN) || path.equals(LOGIN + "/");
    }

    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (!RestrictedRoutes.isRestricted(path)) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        RequestInput.checkBounds(ctx);
        boolean safe = SAFE_METHODS.contains(ctx.method().name());
        if (isLogin(path) && !safe) {
            // a login: checked against the form's own token; the session it may replace is not the request's
            if (!loginTokenMatches(ctx)) {
                throw csrfRefused();
            }
            return;
        }
        Optional<SessionStore.Session> session = cookies.session(ctx).flatMap(accounts.sessions()::find);
        session.ifPresent(s -> Authenticated.set(ctx, s));
        if (isLogin(path)) {
            return;
        }
        if (session.isEmpty()) {
            boolean stale = cookies.sentSession(ctx);
            if (stale) {
                cookies.clearSession(ctx);
            }
            if (RestrictedRoutes.isApi(path) || !ctx.method().name().equals("GET")) {
                throw new RequestError(401, null, "Authentification requise : connectez-vous à l'espace gestionnaire"
                        + (stale ? " (votre session a expiré)." : "."));
            }
            String back = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
            ctx.redirect(LOGIN + "?retour=" + URLEncoder.encode(back, StandardCharsets.UTF_8)
                    + (stale ? "&motif=expiree" : ""), HttpStatus.SEE_OTHER);
            return;
        }
        if (!safe && !Tokens.same(session.get().csrfToken(), sentCsrfToken(ctx))) {
            throw csrfRefused();
        }
    }

    private void authorize(Context ctx) {
        if (!RestrictedRoutes.isRestricted(ctx.path())) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            throw new RequestError(405, null, "Méthode non autorisée.");
        }
        Access access = endpoint.metadata(Access.class);
        if (access == null) {
            LOG.error("restricted route {} {} declares no Access: refused to everybody (declare it with RestrictedRoutes)",
                    endpoint.method, endpoint.path);
            throw new RequestError(403, null, "Accès refusé : cette adresse n'est ouverte à aucun compte.");
        }
        if (access.isAnonymous() && isLogin(ctx.path())) {
            return;
        }
        Account account = Authenticated.find(ctx).map(SessionStore.Session::account).orElseThrow(
                () -> new RequestError(401, null, "Authentification requise : connectez-vous à l'espace gestionnaire."));
        if (!access.allows(account.role())) {
            throw new RequestError(403, null, "Accès refusé : votre rôle (" + account.role().label()
                    + ") ne donne pas accès à cette adresse.");
        }
        List<TerritoryParameter> parameters = new ArrayList<>(access.territories());
        parameters.addAll(TerritoryParameter.CONVENTIONAL);
        territories.check(account.scope(), parameters, name -> RequestInput.values(ctx, name));
    }

    private void record(Context ctx) {
        if (!RestrictedRoutes.isRestricted(ctx.path())) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.removeHeader("ETag");
        Optional<SessionStore.Session> session = Authenticated.find(ctx);
        if (session.isEmpty() || isLogin(ctx.path()) && ctx.method().name().equals("GET")) {
            return;
        }
        // the response is written after this handler: if the entry cannot be written, the request fails (500)
        // and what the route produced is not sent
        audit.record(ctx, session.get().account().login());
    }

    private boolean loginTokenMatches(Context ctx) {
        Optional<String> cookie = cookies.sentLoginToken(ctx);
        return cookie.isPresent() && Tokens.same(cookie.get(), sentCsrfToken(ctx));
    }

    private static String sentCsrfToken(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        List<String> field = RequestInput.form(ctx).getOrDefault(CSRF_FIELD, List.of());
        return field.size() == 1 ? field.get(0) : null;
    }

    private static RequestError csrfRefused() {
        return new RequestError(403, CSRF_FIELD, "Jeton de sécurité (CSRF) absent ou invalide : rechargez la page"
                + " et recommencez.");
    }
}
