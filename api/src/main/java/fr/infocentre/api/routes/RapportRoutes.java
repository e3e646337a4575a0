package fr.infocentre.api.routes;

import fr.infocentre.api.render.CsvRenderer;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.render.PdfRenderer;
import fr.infocentre.api.render.XlsxRenderer;
import fr.infocentre.api.request.PublicCatalogue;
import fr.infocentre.api.request.Selection;
import fr.infocentre.warehouse.Releases;


import fr.infocentre.warehouse.RapportTable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.function.Consumer;

/** One rapport for one territory and millésime, as JSON, CSV, XLSX or PDF. */
public final class RapportRoutes {

    private final PublicCatalogue catalogue;
    private final Releases releases;
    private final JsonRenderer json;
    private final CsvRenderer csv;
    private final XlsxRenderer xlsx;
    private final PdfRenderer pdf;

    public RapportRoutes(PublicCatalogue catalogue, Releases releases, JsonRenderer json, CsvRenderer csv,
                         XlsxRenderer xlsx, PdfRenderer pdf) {
        this.catalogue = catalogue;
        this.releases = releases;
        this.json = json;
        this.csv = csv;
        this.xlsx = xlsx;
        this.pdf = pdf;
    }

    public void add(RoutesConfig routes) {
        // before "{id}", which would match "TAB03-02.csv" too
        routes.get("/api/v1/rapports/{id}.csv", ctx -> serve(ctx, true, table -> csv.write(ctx, table)));
        routes.get("/api/v1/rapports/{id}.xlsx", ctx -> serve(ctx, false, table -> xlsx.write(ctx, table)));
        routes.get("/api/v1/rapports/{id}.pdf", ctx -> serve(ctx, false, table -> pdf.write(ctx, table)));
        routes.get("/api/v1/rapports/{id}", ctx -> serve(ctx, true, table -> json.write(ctx, table.document())));
    }

    /** Reads the request, answers 304 when the client holds this release's table, else renders it. */
    private void serve(Context ctx, boolean sameBytes, Consumer<RapportTable> renderer) {
        Selection selection = Selection.read(ctx, catalogue, releases);
        if (!ReleaseCaching.table(ctx, releases, selection.millesime(), sameBytes)) {
            renderer.accept(selection.table(releases));
        }
    }
}
