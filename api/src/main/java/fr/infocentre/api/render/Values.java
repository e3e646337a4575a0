package fr.infocentre.api.render;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.CsvCell;


import java.text.NumberFormat;
import java.util.Locale;

/**
 * How a cell's value is shown on the page: a masked value is written "s", a value that does
 * not exist (null, not masked) is left empty (the CSV's form is {@link CsvCell}).
 */
public final class Values {

    private static final Locale FRENCH = Locale.FRANCE;

    private Values() {
    }

    /** French display: thousands grouped, a share with one decimal. */
    public static String page(Object value, Column.Type type, boolean mask) {
        if (mask) {
            return CsvCell.MASKED;
        }
        if (value == null) {
            return "";
        }
        if (!(value instanceof Number n)) {
            return value.toString();
        }
        NumberFormat format = NumberFormat.getNumberInstance(FRENCH);
        if (type == Column.Type.PART) {
            format.setMinimumFractionDigits(1);
            format.setMaximumFractionDigits(1);
        } else {
            format.setMaximumFractionDigits(2);
        }
        return format.format(CsvCell.decimal(n));
    }
}
