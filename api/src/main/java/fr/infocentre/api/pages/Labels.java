package fr.infocentre.api.pages;

import fr.infocentre.api.request.PublicCatalogue;
import fr.infocentre.warehouse.Level;
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

    public static String series(String series) {
        return "Série " + series + " – " + PublicCatalogue.SERIES.getOrDefault(series, "");
    }
}
