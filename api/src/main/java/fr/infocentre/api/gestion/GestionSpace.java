package fr.infocentre.api.gestion;

import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.render.XlsxRenderer;
import fr.infocentre.api.security.GestionGuard;
import fr.infocentre.api.security.LoginSessions;
import fr.infocentre.api.security.RestrictedRoutes;
import fr.infocentre.api.security.SessionCookies;
import io.javalin.config.RoutesConfig;

/**
 * The espace gestionnaire mounted on the application: the guard first ({@link GestionGuard}), then the login
 * and logout, the home page and its JSON twin, the audit log page, and with the weekly warehouse the requêtes. Restricted routes added later go through
 * {@link RestrictedRoutes} in the same way.
 */
public final class GestionSpace {

    private final GestionOptions options;
    private final HtmlRenderer html;
    private final JsonRenderer json;

    public GestionSpace(GestionOptions options, HtmlRenderer html, JsonRenderer json) {
        this.options = options;
        this.html = html;
        this.json = json;
    }

    public void add(RoutesConfig routes) {
        SessionCookies cookies = new SessionCookies(options.secureCookies());
        new GestionGuard(options.accounts(), cookies).add(routes);
        RestrictedRoutes restricted = new RestrictedRoutes(routes);
        new LoginRoutes(options.accounts(), new LoginSessions(options.accounts(), cookies), html).add(restricted);
        new HomeRoutes(options.accounts().geography(), html, json).add(restricted);
        new JournalRoutes(options.accounts().audit(), html).add(restricted);
        options.warehouse().ifPresentOrElse(w -> new Rapport06Routes(w, html, json, new XlsxRenderer()).add(restricted),
                () -> Rapport06Routes.addUnavailable(restricted, html));
        options.warehouse().ifPresent(warehouse -> {
            routes.before(ctx -> ctx.attribute(PageModels.FIGURES, true));
            new RequeteRoutes(warehouse, options.accounts().savedQueries(), html, json).add(restricted);
            new DoublonRoutes(warehouse, html, json).add(restricted);
            new BilanRoutes(warehouse, html, options.accounts().clock()).add(restricted);
        });
    }
}
