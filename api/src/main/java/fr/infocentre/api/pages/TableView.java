package fr.infocentre.api.pages;

import fr.infocentre.api.render.Values;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.RapportTable;


import java.util.List;
import java.util.Map;

/** A rapport's table as the page shows it: French figures, "s" for masked cells, the total line apart. */
record TableView(List<Header> headers, List<List<Cell>> lines, List<Cell> total) {

    record Header(String label, boolean number) {
    }

    public record Cell(String text, boolean number, boolean mask) {
    }

    public static TableView of(RapportTable table) {
        List<Column> columns = table.columns();
        return new TableView(
                columns.stream().map(c -> new Header(c.label(), number(c))).toList(),
                table.lines().stream().map(l -> cells(table, l, null)).toList(),
                table.total() == null ? null : cells(table, table.total(), "Total"));
    }

    /** One line's cells; a non-null label replaces the category column (the total line). */
    private static List<Cell> cells(RapportTable table, Map<String, Object> values, String label) {
        return table.columns().stream().map(c -> {
            if (!number(c)) {
                return new Cell(label != null ? label : String.valueOf(values.get(c.key())), false, false);
            }
            Object value = values.get(c.key());
            boolean mask = table.mask(values, c.key());
            return new Cell(Values.page(value, c.type(), mask), true, mask);
        }).toList();
    }

    private static boolean number(Column c) {
        return c.type() != Column.Type.LABEL;
    }
}
