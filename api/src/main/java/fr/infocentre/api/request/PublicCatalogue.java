package fr.infocentre.api.request;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Warehouse;


import java.util.List;
import java.util.Optional;

/**
 * The catalogue as the public site reads it: the warehouse's public rapports and series, as
 * declared in rapports/catalogue.yaml. Visibility is the warehouse's business: it lists, finds
 * and computes only the rapports of public series (series 06 is restricted to gestionnaires).
 */
public final class PublicCatalogue {

    private final Warehouse warehouse;

    public PublicCatalogue(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public List<Rapport> rapports() {
        return warehouse.catalogue();
    }

    /** The public series of that id, with its French name. */
    public Optional<Series> series(String id) {
        return warehouse.series().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** @throws InvalidRequest (UNKNOWN_RAPPORT) when the id is not a public rapport */
    Rapport rapport(String id) {
        return warehouse.rapport(id)
                .orElseThrow(() -> new InvalidRequest(InvalidRequest.Cause.UNKNOWN_RAPPORT,
                        "Rapport inconnu : « " + id + " » (voir la liste sur /api/v1/rapports)."));
    }
}
