package fr.infocentre.warehouse.opendata;

import fr.infocentre.warehouse.Column;

import java.util.Arrays;

/**
 * The type of an open-data column, as the Table Schema names it and as DuckDB stores it in the
 * Parquet file.
 */
enum FieldType {
    STRING("string", "VARCHAR"),
    INTEGER("integer", "BIGINT"),
    NUMBER("number", "DOUBLE"),
    BOOLEAN("boolean", "BOOLEAN");

    private final String tableSchema;
    private final String duckDb;

    FieldType(String tableSchema, String duckDb) {
        this.tableSchema = tableSchema;
        this.duckDb = duckDb;
    }

    String tableSchema() {
        return tableSchema;
    }

    String duckDb() {
        return duckDb;
    }

    /**
     * The type of a figure column from its published code ({@link Column.Type#code()}): a count
     * is an integer, a share, a ratio or another figure (average, median, change in %) a number.
     *
     * @throws IllegalArgumentException for the category label or an unknown code
     */
    static FieldType ofFigure(String code) {
        Column.Type type = Arrays.stream(Column.Type.values()).filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown column type " + code));
        return switch (type) {
            case COUNT -> INTEGER;
            case PART, VALUE -> NUMBER;
            case LABEL -> throw new IllegalArgumentException("The category label is not a figure");
        };
    }
}
