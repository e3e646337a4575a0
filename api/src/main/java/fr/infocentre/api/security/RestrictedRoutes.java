package fr.infocentre.api.security;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

import java.util.Locale;

/**
 * Where restricted routes live and how they are declared. Every path under {@value #PAGES} (HTML) or
 * {@value #API} (JSON), whatever follows the prefix, is restricted: {@link GestionGuard} requires a session
 * there (but on the login form), checks the CSRF token of every state-changing request, then the
 * {@link Access} the route declares. Declare a route through this class, which attaches its access:
 *
 * <pre>{@code
 * new RestrictedRoutes(config.routes).get("/api/v1/gestion/guichets", Access.roles(Role.GESTIONNAIRE)
 *         .territory(TerritoryParameter.departement("departement").required()), ctx -> …);
 * }</pre>
 *
 * A route registered under these prefixes some other way is still behind the login and the CSRF check, and is
 * refused to every account (no access declared).
 */
public final class RestrictedRoutes {

    /** The restricted HTML pages. */
    public static final String PAGES = "/gestion";
    /** The restricted JSON API. */
    public static final String API = "/api/v1/gestion";

    private final RoutesConfig routes;

    public RestrictedRoutes(RoutesConfig routes) {
        this.routes = routes;
    }

    /** Whether a request path (or route path) is restricted: it starts with either prefix, in any case. */
    public static boolean isRestricted(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.startsWith(PAGES) || lower.startsWith(API);
    }

    /** Whether a restricted path belongs to the JSON API (answers 401 as JSON instead of a redirect to the login form). */
    public static boolean isApi(String path) {
        return path.toLowerCase(Locale.ROOT).startsWith(API);
    }

    public RestrictedRoutes get(String path, Access access, Handler handler) {
        return add(HandlerType.GET, path, access, handler);
    }

    public RestrictedRoutes post(String path, Access access, Handler handler) {
        return add(HandlerType.POST, path, access, handler);
    }

    public RestrictedRoutes put(String path, Access access, Handler handler) {
        return add(HandlerType.PUT, path, access, handler);
    }

    public RestrictedRoutes delete(String path, Access access, Handler handler) {
        return add(HandlerType.DELETE, path, access, handler);
    }

    private RestrictedRoutes add(HandlerType method, String path, Access access, Handler handler) {
        if (!isRestricted(path)) {
            throw new IllegalArgumentException("a restricted route lives under " + PAGES + " or " + API + ": " + path);
        }
        routes.addEndpoint(Endpoint.create(method, path).addMetadata(access).handler(handler));
        return this;
    }
}
