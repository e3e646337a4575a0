package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.accounts.Geography;
import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.accounts.SessionStore;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.Audit;
import fr.infocentre.api.security.Authenticated;
import fr.infocentre.api.security.RestrictedRoutes;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The home of the espace gestionnaire ({@code GET /gestion}: who is logged in, role, territories, session) and its
 * JSON twin ({@code GET /api/v1/gestion/moi}, with the session's CSRF token for scripts that post).
 */
final class HomeRoutes {

    private final Geography geography;
    private final HtmlRenderer html;
    private final JsonRenderer json;

    HomeRoutes(Geography geography, HtmlRenderer html, JsonRenderer json) {
        this.geography = geography;
        this.html = html;
        this.json = json;
    }

    void add(RestrictedRoutes routes) {
        routes.get(RestrictedRoutes.PAGES, Access.anyRole(), this::home);
        routes.get(RestrictedRoutes.API + "/moi", Access.anyRole(), this::me);
    }

    private void home(Context ctx) {
        SessionStore.Session session = Authenticated.session(ctx);
        Account account = session.account();
        Map<String, Object> model = PageModels.base(ctx);
        model.put("role", account.role().label());
        model.put("territoires", account.scope().labels(geography));
        model.put("ouverte", Dates.longForm(session.created()));
        model.put("expire", Dates.longForm(session.expires()));
        model.put("finMax", Dates.longForm(session.ends()));
        model.put("administrateur", account.role() == Role.ADMINISTRATEUR);
        html.write(ctx, "gestion-accueil", model);
    }

    private void me(Context ctx) {
        SessionStore.Session session = Authenticated.session(ctx);
        Account account = session.account();
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("type", account.scope().kind().key());
        scope.put("codes", account.scope().codes());
        scope.put("libelles", account.scope().labels(geography));
        scope.put("departements", account.scope().departements().stream().sorted().toList());
        Map<String, Object> sessionDoc = new LinkedHashMap<>();
        sessionDoc.put("ouverte_le", session.created().toString());
        sessionDoc.put("expire_le", session.expires().toString());
        sessionDoc.put("fin_au_plus_tard", session.ends().toString());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("identifiant", account.login());
        doc.put("nom", account.displayName());
        doc.put("role", account.role().key());
        doc.put("role_libelle", account.role().label());
        doc.put("perimetre", scope);
        doc.put("session", sessionDoc);
        doc.put("jeton_csrf", session.csrfToken());
        Audit.rows(ctx, 1);
        json.write(ctx, doc);
    }
}
