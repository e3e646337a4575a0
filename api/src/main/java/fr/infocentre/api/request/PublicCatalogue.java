package fr.infocentre.api.request;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Warehouse;


import java.util.List;
import java.util.Map;

/** The rapports the public site publishes: series 01 to 04 (series 06 is restricted to gestionnaires). */
public final class PublicCatalogue {

    /** Public series and their French names, in catalogue order. */
    public static final Map<String, String> SERIES = Map.of(
            "01", "Évolution du stock",
            "02", "Séries chronologiques",
            "03", "Analyse des demandes en cours",
            "04", "Analyse des demandes satisfaites");

    private final Warehouse warehouse;

    public PublicCatalogue(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public List<Rapport> rapports() {
        return warehouse.catalogue().stream().filter(r -> SERIES.containsKey(r.series())).toList();
    }

    /** @throws InvalidRequest (UNKNOWN_RAPPORT) when the id is not a public rapport */
    Rapport rapport(String id) {
        return warehouse.rapport(id)
                .filter(r -> SERIES.containsKey(r.series()))
                .orElseThrow(() -> new InvalidRequest(InvalidRequest.Cause.UNKNOWN_RAPPORT,
                        "Rapport inconnu : « " + id + " » (voir la liste sur /api/v1/rapports)."));
    }
}
