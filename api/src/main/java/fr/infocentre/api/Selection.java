package fr.infocentre.api;

import fr.infocentre.warehouse.Niveau;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Warehouse;
import io.javalin.http.Context;

/** What a rapport request asks for: the rapport (path {id}), the territory and the millésime (query). */
record Selection(Rapport rapport, Niveau niveau, String code, int annee) {

    static Selection lire(Context ctx, CataloguePublic catalogue, Warehouse warehouse) {
        Rapport rapport = catalogue.rapport(ctx.pathParam("id"));
        Niveau niveau = Parametres.niveau(ctx);
        return new Selection(rapport, niveau, Parametres.codeObligatoire(ctx, niveau), Parametres.annee(ctx, warehouse));
    }

    RapportTable calculer(Warehouse warehouse) {
        return warehouse.calculer(rapport.id(), niveau, code, annee);
    }

    String requete() {
        return Parametres.requete(niveau, code, annee);
    }
}
