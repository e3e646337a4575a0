package fr.infocentre.api.violations;

import fr.infocentre.warehouse.RestrictedWarehouse;

/** Breaks "only the espace gestionnaire reads the weekly warehouse": a public page asking it for figures. */
public final class PublicPageReadingTheWeeklyWarehouse {

    private PublicPageReadingTheWeeklyWarehouse() {
    }

    static Object figures(RestrictedWarehouse warehouse) {
        return warehouse.activity().indicators();
    }
}
