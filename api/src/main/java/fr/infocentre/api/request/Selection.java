package fr.infocentre.api.request;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Releases;


import io.javalin.http.Context;

/** What a rapport request asks for: the rapport (path {id}), the territory and the millésime (query). */
public record Selection(Rapport rapport, Level level, String code, int millesime) {

    public static Selection read(Context ctx, PublicCatalogue catalogue, Releases releases) {
        Rapport rapport = catalogue.rapport(ctx.pathParam("id"));
        Level level = Parameters.level(ctx);
        return new Selection(rapport, level, Parameters.requiredCode(ctx, level), Parameters.millesime(ctx, releases));
    }

    public RapportTable table(Releases releases) {
        return releases.table(rapport.id(), level, code, millesime);
    }

    public String request() {
        return Parameters.request(level, code, millesime);
    }
}
