package fr.infocentre.warehouse.opendata;

import java.util.List;

/**
 * One column of a rapport's open-data files, with what its Table Schema field says of it.
 *
 * @param name        the CSV header and Parquet column name
 * @param title       French title
 * @param description French description
 * @param values      the only values allowed (empty: any)
 * @param minimum     the smallest value allowed, or null
 */
record Field(String name, String title, String description, FieldType type, boolean required,
             List<String> values, Long minimum) {

    Field {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Open-data column names are lower-case identifiers: " + name);
        }
        values = List.copyOf(values);
    }

    static Field required(String name, String title, String description, FieldType type) {
        return new Field(name, title, description, type, true, List.of(), null);
    }
}
