package fr.infocentre.api;

import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Warehouse;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** A rapport page's model: the masked table, its chart data, pickers and links to the JSON and CSV twins. */
final class PageRapport {

    private final CataloguePublic catalogue;
    private final Warehouse warehouse;
    private final JsonRenderer json;

    PageRapport(CataloguePublic catalogue, Warehouse warehouse, JsonRenderer json) {
        this.catalogue = catalogue;
        this.warehouse = warehouse;
        this.json = json;
    }

    Map<String, Object> modele(Context ctx) {
        Selection selection = Selection.lire(ctx, catalogue, warehouse);
        RapportTable table = selection.calculer(warehouse);
        String api = "/api/v1/rapports/" + table.rapport().id();

        Map<String, Object> modele = new LinkedHashMap<>();
        modele.put("rapport", table.rapport());
        modele.put("serie", Libelles.serie(table.rapport().serie()));
        modele.put("territoire", Libelles.territoire(table.territoire()));
        modele.put("annee", table.annee());
        modele.put("tableau", TableauVue.de(table));
        modele.put("notes", table.notes());
        modele.put("donnees", json.pourScript(table.document()));
        modele.put("lienJson", api + selection.requete());
        modele.put("lienCsv", api + ".csv" + selection.requete());
        modele.put("nomCsv", CsvRenderer.nomFichier(table));
        modele.put("selecteurs", new Selecteurs(table.rapport().niveaux(), selection.niveau(),
                warehouse.territoires(selection.niveau()), selection.code(), warehouse.annees(), selection.annee()));
        return modele;
    }
}
