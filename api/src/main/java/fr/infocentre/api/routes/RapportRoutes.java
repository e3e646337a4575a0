package fr.infocentre.api.routes;

import fr.infocentre.api.render.CsvRenderer;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.render.PdfRenderer;
import fr.infocentre.api.render.XlsxRenderer;
import fr.infocentre.api.request.PublicCatalogue;
import fr.infocentre.api.request.Selection;
import fr.infocentre.warehouse.Warehouse;


import io.javalin.config.RoutesConfig;

/** One rapport for one territory and millésime, as JSON, CSV, XLSX or PDF. */
public final class RapportRoutes {

    private final PublicCatalogue catalogue;
    private final Warehouse warehouse;
    private final JsonRenderer json;
    private final CsvRenderer csv;
    private final XlsxRenderer xlsx;
    private final PdfRenderer pdf;

    public RapportRoutes(PublicCatalogue catalogue, Warehouse warehouse, JsonRenderer json, CsvRenderer csv,
                         XlsxRenderer xlsx, PdfRenderer pdf) {
        this.catalogue = catalogue;
        this.warehouse = warehouse;
        this.json = json;
        this.csv = csv;
        this.xlsx = xlsx;
        this.pdf = pdf;
    }

    public void add(RoutesConfig routes) {
        // before "{id}", which would match "TAB03-02.csv" too
        routes.get("/api/v1/rapports/{id}.csv", ctx ->
                csv.write(ctx, Selection.read(ctx, catalogue, warehouse).compute(warehouse)));
        routes.get("/api/v1/rapports/{id}.xlsx", ctx ->
                xlsx.write(ctx, Selection.read(ctx, catalogue, warehouse).compute(warehouse)));
        routes.get("/api/v1/rapports/{id}.pdf", ctx ->
                pdf.write(ctx, Selection.read(ctx, catalogue, warehouse).compute(warehouse)));
        routes.get("/api/v1/rapports/{id}", ctx ->
                json.write(ctx, Selection.read(ctx, catalogue, warehouse).compute(warehouse).document()));
    }
}
