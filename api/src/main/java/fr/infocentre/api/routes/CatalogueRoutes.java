package fr.infocentre.api.routes;

import fr.infocentre.api.render.ApiDocuments;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.request.Parameters;
import fr.infocentre.api.request.PublicCatalogue;
import fr.infocentre.warehouse.Releases;


import io.javalin.config.RoutesConfig;

/** The API's lists: the catalogue of rapports, the territories of a level, the millésimes. */
public final class CatalogueRoutes {

    private final PublicCatalogue catalogue;
    private final Releases releases;
    private final JsonRenderer json;

    public CatalogueRoutes(PublicCatalogue catalogue, Releases releases, JsonRenderer json) {
        this.catalogue = catalogue;
        this.releases = releases;
        this.json = json;
    }

    public void add(RoutesConfig routes) {
        routes.get("/api/v1/rapports", ctx ->
                json.write(ctx, catalogue.rapports().stream().map(ApiDocuments::rapport).toList()));
        routes.get("/api/v1/territoires", ctx ->
                json.write(ctx, releases.territoires(Parameters.level(ctx)).stream().map(ApiDocuments::choice).toList()));
        routes.get("/api/v1/millesimes", ctx -> json.write(ctx, releases.millesimes()));
    }
}
