package fr.infocentre.api.pages;

import fr.infocentre.api.render.Downloads;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.request.PublicCatalogue;
import fr.infocentre.api.request.Selection;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Releases;


import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** A rapport page's model: the masked table, its chart data, pickers and links to the JSON and CSV twins. */
public final class RapportPage {

    private final PublicCatalogue catalogue;
    private final Releases releases;
    private final JsonRenderer json;

    public RapportPage(PublicCatalogue catalogue, Releases releases, JsonRenderer json) {
        this.catalogue = catalogue;
        this.releases = releases;
        this.json = json;
    }

    public Map<String, Object> model(Context ctx) {
        Selection selection = Selection.read(ctx, catalogue, releases);
        RapportTable table = selection.table(releases);
        String api = "/api/v1/rapports/" + table.rapport().id();

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rapport", table.rapport());
        model.put("series", Labels.series(catalogue, table.rapport().series()));
        model.put("territoire", Labels.territoire(table.territoire()));
        model.put("millesime", table.millesime());
        model.put("table", TableView.of(table));
        model.put("notes", table.notes());
        model.put("data", json.forScript(table.document()));
        model.put("jsonLink", api + selection.request());
        model.put("csvLink", api + ".csv" + selection.request());
        model.put("csvName", Downloads.fileName(table, "csv"));
        model.put("xlsxLink", api + ".xlsx" + selection.request());
        model.put("xlsxName", Downloads.fileName(table, "xlsx"));
        model.put("pdfLink", api + ".pdf" + selection.request());
        model.put("pdfName", Downloads.fileName(table, "pdf"));
        model.put("selectors", new Selectors(table.rapport().levels(), selection.level(),
                releases.territoires(selection.level()), selection.code(), releases.millesimes(), selection.millesime()));
        return model;
    }
}
