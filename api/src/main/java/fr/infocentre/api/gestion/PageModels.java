package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.security.Authenticated;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every page of the espace gestionnaire gives its template: the account and its CSRF token, when logged in. */
public final class PageModels {

    /**
     * The request attribute saying that the espace is served with the weekly warehouse (its pages reading figures
     * are mounted): {@code gestion.figures} in the page model, for the navigation.
     */
    static final String FIGURES = PageModels.class.getName() + ".figures";

    private PageModels() {
    }

    /** A page model with « gestion » (login, displayName, csrf, role) when the request has a session. */
    public static Map<String, Object> base(Context ctx) {
        Map<String, Object> model = new LinkedHashMap<>();
        Authenticated.find(ctx).ifPresent(session -> {
            Account account = session.account();
            Map<String, Object> gestion = new LinkedHashMap<>();
            gestion.put("login", account.login());
            gestion.put("displayName", account.displayName());
            gestion.put("csrf", session.csrfToken());
            gestion.put("role", account.role().key());
            gestion.put("figures", Boolean.TRUE.equals(ctx.attribute(FIGURES)));
            model.put("gestion", gestion);
        });
        return model;
    }
}
