package fr.infocentre.api;

import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RequeteInvalide;
import fr.infocentre.warehouse.Warehouse;

import java.util.List;
import java.util.Map;

/** The rapports the public site publishes: series 01 to 04 (series 06 is restricted to gestionnaires). */
final class CataloguePublic {

    /** Public series and their French names, in catalogue order. */
    static final Map<String, String> SERIES = Map.of(
            "01", "Évolution du stock",
            "02", "Séries chronologiques",
            "03", "Analyse des demandes en cours",
            "04", "Analyse des demandes satisfaites");

    private final Warehouse warehouse;

    CataloguePublic(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    List<Rapport> rapports() {
        return warehouse.catalogue().stream().filter(r -> SERIES.containsKey(r.serie())).toList();
    }

    /** @throws RequeteInvalide (RAPPORT_INCONNU) when the id is not a public rapport */
    Rapport rapport(String id) {
        return warehouse.rapport(id)
                .filter(r -> SERIES.containsKey(r.serie()))
                .orElseThrow(() -> new RequeteInvalide(RequeteInvalide.Cause.RAPPORT_INCONNU,
                        "Rapport inconnu : « " + id + " » (voir la liste sur /api/v1/rapports)."));
    }
}
