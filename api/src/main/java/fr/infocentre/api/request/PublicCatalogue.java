package fr.infocentre.api.request;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Releases;


import java.util.List;
import java.util.Optional;

/**
 * The catalogue as the public site reads it: the latest release's rapports and series, as
 * declared in rapports/catalogue.yaml. Only public rapports enter a release: it lists, finds
 * and computes only the rapports of public series (series 06 is restricted to gestionnaires).
 */
public final class PublicCatalogue {

    private final Releases releases;

    public PublicCatalogue(Releases releases) {
        this.releases = releases;
    }

    public List<Rapport> rapports() {
        return releases.catalogue();
    }

    /** The public series of that id, with its French name. */
    public Optional<Series> series(String id) {
        return releases.series().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** @throws InvalidRequest (UNKNOWN_RAPPORT) when the id is not a public rapport */
    Rapport rapport(String id) {
        return releases.rapport(id)
                .orElseThrow(() -> new InvalidRequest(InvalidRequest.Cause.UNKNOWN_RAPPORT,
                        "Rapport inconnu : « " + id + " » (voir la liste sur /api/v1/rapports)."));
    }
}
