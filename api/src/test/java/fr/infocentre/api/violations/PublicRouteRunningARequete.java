package fr.infocentre.api.violations;

import fr.infocentre.warehouse.RequeteDefinition;
import fr.infocentre.warehouse.Requetes;

/** Breaks "only the espace gestionnaire reads the weekly warehouse": a public route running a requête (exact figures). */
public final class PublicRouteRunningARequete {

    private PublicRouteRunningARequete() {
    }

    static long total(Requetes requetes, RequeteDefinition definition) {
        return requetes.run(definition).total();
    }
}
