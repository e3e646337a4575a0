package fr.infocentre.api.pages;

import fr.infocentre.api.request.Parameters;
import fr.infocentre.api.request.PublicCatalogue;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Releases;


import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The home page's model: the catalogue by series, with links for the chosen territory and millésime. */
public final class HomePage {

    record Series(String label, List<RapportLink> rapports) {
    }

    /** A rapport of the catalogue; not available when it is not published at the chosen level. */
    record RapportLink(String id, String title, String description, String url, boolean available) {
    }

    private final PublicCatalogue catalogue;
    private final Releases releases;

    public HomePage(PublicCatalogue catalogue, Releases releases) {
        this.catalogue = catalogue;
        this.releases = releases;
    }

    public Map<String, Object> model(Context ctx) {
        Level level = Parameters.level(ctx);
        Territoire territoire = territoire(ctx, level);
        int millesime = Parameters.millesime(ctx, releases);
        String request = Parameters.request(level, territoire.code(), millesime);

        Map<String, List<RapportLink>> bySeries = new LinkedHashMap<>();
        for (Rapport r : catalogue.rapports()) {
            bySeries.computeIfAbsent(r.series(), s -> new ArrayList<>()).add(new RapportLink(
                    r.id(), r.title(), r.description(), "/rapports/" + r.id() + request, r.levels().contains(level)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("series", bySeries.entrySet().stream()
                .map(e -> new Series(Labels.series(catalogue, e.getKey()), e.getValue())).toList());
        model.put("territoire", Labels.territoire(territoire));
        model.put("millesime", millesime);
        model.put("selectors", new Selectors(Arrays.asList(Level.values()), level,
                releases.territoires(level), territoire.code(), releases.millesimes(), millesime));
        return model;
    }

    /** The chosen territory; the level's first one when none is chosen or the code is not of that level. */
    private Territoire territoire(Context ctx, Level level) {
        List<Territoire> territoires = releases.territoires(level);
        return Parameters.code(ctx)
                .flatMap(code -> territoires.stream().filter(t -> t.code().equals(code)).findFirst())
                .or(() -> territoires.stream().findFirst())
                .orElseThrow(() -> new InvalidRequest(InvalidRequest.Cause.UNKNOWN_TERRITOIRE,
                        "Aucun territoire n'est couvert au niveau « " + level.key() + " »."));
    }
}
