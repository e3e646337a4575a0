package fr.infocentre.api;

import fr.infocentre.warehouse.Warehouse;
import io.javalin.config.RoutesConfig;

/** The API's lists: the catalogue of rapports, the territories of a level, the millésimes. */
final class CatalogueRoutes {

    private final CataloguePublic catalogue;
    private final Warehouse warehouse;
    private final JsonRenderer json;

    CatalogueRoutes(CataloguePublic catalogue, Warehouse warehouse, JsonRenderer json) {
        this.catalogue = catalogue;
        this.warehouse = warehouse;
        this.json = json;
    }

    void ajouter(RoutesConfig routes) {
        routes.get("/api/v1/rapports", ctx ->
                json.ecrire(ctx, catalogue.rapports().stream().map(Documents::rapport).toList()));
        routes.get("/api/v1/territoires", ctx ->
                json.ecrire(ctx, warehouse.territoires(Parametres.niveau(ctx)).stream().map(Documents::choix).toList()));
        routes.get("/api/v1/millesimes", ctx -> json.ecrire(ctx, warehouse.annees()));
    }
}
