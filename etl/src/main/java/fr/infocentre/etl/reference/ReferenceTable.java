package fr.infocentre.etl.reference;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A reference table of the warehouse (geography, income ceilings) and its row count. */
public record ReferenceTable(Dataset<Row> rows, long count) {
}
