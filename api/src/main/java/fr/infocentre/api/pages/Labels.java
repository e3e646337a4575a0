package fr.infocentre.api.pages;

import fr.infocentre.api.request.PublicCatalogue;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Territoire;


/** French labels computed for the pages. */
final class Labels {

    private Labels() {
    }

    /** "France", or "Département : Alpes-Maritimes (06)". */
    public static String territoire(Territoire t) {
        if (t.level() == Level.NATIONAL) {
            return t.name();
        }
        return t.level().label() + " : " + t.name() + " (" + t.code() + ")";
    }

    /** "Série 01 – Évolution du stock": the series' name as declared in the catalogue. */
    public static String series(PublicCatalogue catalogue, String series) {
        return catalogue.series(series).map(Series::label).orElse("Série " + series);
    }
}
