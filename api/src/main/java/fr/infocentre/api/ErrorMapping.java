package fr.infocentre.api;

import fr.infocentre.warehouse.RequeteInvalide;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns failures into a status and a French message: JSON under /api/, an error page elsewhere. */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final JsonRenderer json;
    private final HtmlRenderer html;

    ErrorMapping(JsonRenderer json, HtmlRenderer html) {
        this.json = json;
        this.html = html;
    }

    void ajouter(RoutesConfig routes) {
        routes.exception(RequeteInvalide.class, (e, ctx) -> repondre(ctx, ErreurRequete.de(e)));
        routes.exception(ErreurRequete.class, (e, ctx) -> repondre(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> repondre(ctx, e.getStatus() == 404
                ? new ErreurRequete(404, null, "Adresse introuvable : " + ctx.path())
                : new ErreurRequete(e.getStatus(), null, e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {}", ctx.method(), ctx.fullUrl(), e);
            repondre(ctx, new ErreurRequete(500, null, "Erreur interne du serveur."));
        });
    }

    private void repondre(Context ctx, ErreurRequete erreur) {
        ctx.status(erreur.statut());
        if (ctx.path().startsWith("/api/")) {
            json.ecrire(ctx, Documents.erreur(erreur));
            return;
        }
        Map<String, Object> modele = new LinkedHashMap<>();
        modele.put("statut", erreur.statut());
        modele.put("message", erreur.getMessage());
        modele.put("parametre", erreur.parametre());
        html.ecrire(ctx, "erreur", modele);
    }
}
