package fr.infocentre.api.routes;

import fr.infocentre.api.render.ApiDocuments;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.request.RequestError;
import fr.infocentre.warehouse.InvalidRequest;


import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns failures into a status and a French message: JSON under /api/, an error page elsewhere. */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final JsonRenderer json;
    private final HtmlRenderer html;

    public ErrorMapping(JsonRenderer json, HtmlRenderer html) {
        this.json = json;
        this.html = html;
    }

    public void add(RoutesConfig routes) {
        routes.exception(InvalidRequest.class, (e, ctx) -> answer(ctx, RequestError.of(e)));
        routes.exception(RequestError.class, (e, ctx) -> answer(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus() == 404
                ? new RequestError(404, null, "Adresse introuvable : " + ctx.path())
                : new RequestError(e.getStatus(), null, e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {}", ctx.method(), ctx.fullUrl(), e);
            answer(ctx, new RequestError(500, null, "Erreur interne du serveur."));
        });
    }

    private void answer(Context ctx, RequestError error) {
        ctx.status(error.status());
        if (ctx.path().startsWith("/api/")) {
            json.write(ctx, ApiDocuments.error(error));
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", error.status());
        model.put("message", error.getMessage());
        model.put("parameter", error.parameter());
        html.write(ctx, "error", model);
    }
}
