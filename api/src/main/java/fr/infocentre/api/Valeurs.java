package fr.infocentre.api;

import fr.infocentre.warehouse.CelluleCsv;
import fr.infocentre.warehouse.Colonne;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * How a cell's value is shown on the page: a masked value is written "s", a value that does
 * not exist (null, not masked) is left empty (the CSV's form is {@link CelluleCsv}).
 */
final class Valeurs {

    private static final Locale FRANCAIS = Locale.FRANCE;

    private Valeurs() {
    }

    /** French display: thousands grouped, a share with one decimal. */
    static String page(Object valeur, Colonne.Type type, boolean masque) {
        if (masque) {
            return CelluleCsv.MASQUE;
        }
        if (valeur == null) {
            return "";
        }
        if (!(valeur instanceof Number n)) {
            return valeur.toString();
        }
        NumberFormat format = NumberFormat.getNumberInstance(FRANCAIS);
        if (type == Colonne.Type.PART) {
            format.setMinimumFractionDigits(1);
            format.setMaximumFractionDigits(1);
        } else {
            format.setMaximumFractionDigits(2);
        }
        return format.format(CelluleCsv.decimal(n));
    }
}
