package fr.infocentre.api;

import fr.infocentre.warehouse.Niveau;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RequeteInvalide;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The home page's model: the catalogue by series, with links for the chosen territory and millésime. */
final class PageAccueil {

    record Serie(String libelle, List<LienRapport> rapports) {
    }

    /** A rapport of the catalogue; not available when it is not published at the chosen level. */
    record LienRapport(String id, String titre, String description, String url, boolean disponible) {
    }

    private final CataloguePublic catalogue;
    private final Warehouse warehouse;

    PageAccueil(CataloguePublic catalogue, Warehouse warehouse) {
        this.catalogue = catalogue;
        this.warehouse = warehouse;
    }

    Map<String, Object> modele(Context ctx) {
        Niveau niveau = Parametres.niveau(ctx);
        Territoire territoire = territoire(ctx, niveau);
        int annee = Parametres.annee(ctx, warehouse);
        String requete = Parametres.requete(niveau, territoire.code(), annee);

        Map<String, List<LienRapport>> parSerie = new LinkedHashMap<>();
        for (Rapport r : catalogue.rapports()) {
            parSerie.computeIfAbsent(r.serie(), s -> new ArrayList<>()).add(new LienRapport(
                    r.id(), r.titre(), r.description(), "/rapports/" + r.id() + requete, r.niveaux().contains(niveau)));
        }
        Map<String, Object> modele = new LinkedHashMap<>();
        modele.put("series", parSerie.entrySet().stream()
                .map(e -> new Serie(Libelles.serie(e.getKey()), e.getValue())).toList());
        modele.put("territoire", Libelles.territoire(territoire));
        modele.put("annee", annee);
        modele.put("selecteurs", new Selecteurs(Arrays.asList(Niveau.values()), niveau,
                warehouse.territoires(niveau), territoire.code(), warehouse.annees(), annee));
        return modele;
    }

    /** The chosen territory; the level's first one when none is chosen or the code is not of that level. */
    private Territoire territoire(Context ctx, Niveau niveau) {
        List<Territoire> territoires = warehouse.territoires(niveau);
        return Parametres.code(ctx)
                .flatMap(code -> territoires.stream().filter(t -> t.code().equals(code)).findFirst())
                .or(() -> territoires.stream().findFirst())
                .orElseThrow(() -> new RequeteInvalide(RequeteInvalide.Cause.TERRITOIRE_INCONNU,
                        "Aucun territoire n'est couvert au niveau « " + niveau.cle() + " »."));
    }
}
