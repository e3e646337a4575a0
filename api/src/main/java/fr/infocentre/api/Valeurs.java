package fr.infocentre.api;

import fr.infocentre.warehouse.Colonne;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.Locale;

/** How a cell's value is written in the CSV and on the page; a masked value (null) is written "s". */
final class Valeurs {

    /** The INSEE mark of a cell masked by the secret statistique. */
    static final String MASQUE = "s";

    private static final Locale FRANCAIS = Locale.FRANCE;

    private Valeurs() {
    }

    /** Plain figures with a decimal comma (the CSV uses ";" as separator), no grouping. */
    static String csv(Object valeur) {
        if (valeur == null) {
            return MASQUE;
        }
        if (valeur instanceof Number n) {
            return decimal(n).toPlainString().replace('.', ',');
        }
        return valeur.toString();
    }

    /** French display: thousands grouped, a share with one decimal. */
    static String page(Object valeur, Colonne.Type type) {
        if (valeur == null) {
            return MASQUE;
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
        return format.format(decimal(n));
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros();
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
