package fr.infocentre.api;

import fr.infocentre.warehouse.Niveau;
import fr.infocentre.warehouse.Territoire;

/** French labels computed for the pages. */
final class Libelles {

    private Libelles() {
    }

    /** "France", or "Département : Alpes-Maritimes (06)". */
    static String territoire(Territoire t) {
        if (t.niveau() == Niveau.NATIONAL) {
            return t.nom();
        }
        return t.niveau().libelle() + " : " + t.nom() + " (" + t.code() + ")";
    }

    static String serie(String serie) {
        return "Série " + serie + " – " + CataloguePublic.SERIES.getOrDefault(serie, "");
    }
}
