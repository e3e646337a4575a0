package fr.infocentre.api;

import fr.infocentre.warehouse.Warehouse;
import io.javalin.config.RoutesConfig;

/** One rapport for one territory and millésime, as JSON or CSV. */
final class RapportRoutes {

    private final CataloguePublic catalogue;
    private final Warehouse warehouse;
    private final JsonRenderer json;
    private final CsvRenderer csv;

    RapportRoutes(CataloguePublic catalogue, Warehouse warehouse, JsonRenderer json, CsvRenderer csv) {
        this.catalogue = catalogue;
        this.warehouse = warehouse;
        this.json = json;
        this.csv = csv;
    }

    void ajouter(RoutesConfig routes) {
        // before "{id}", which would match "TAB03-02.csv" too
        routes.get("/api/v1/rapports/{id}.csv", ctx ->
                csv.ecrire(ctx, Selection.lire(ctx, catalogue, warehouse).calculer(warehouse)));
        routes.get("/api/v1/rapports/{id}", ctx ->
                json.ecrire(ctx, Selection.lire(ctx, catalogue, warehouse).calculer(warehouse).document()));
    }
}
