package fr.infocentre.etl.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The table {@code demandes_versions} ({@link fr.infocentre.warehouse.format.Table#DEMANDES_VERSIONS},
 * docs/warehouse-format.md): the versions of each demande's attributes across successive extracts,
 * so that a rapport at a date uses what was known then. One row per demande and version: every
 * column of {@code demandes} but {@code date_extraction}, plus {@code valide_du} (the date of the
 * extract in which the version was first seen), {@code valide_au} (exclusive end: the date of the
 * extract that replaced it; null while current) and {@code premiere_version} (the demande's
 * earliest version, which rapports also use for the days before its {@code valide_du}). The merge
 * of an extract into the history ({@link fr.infocentre.etl.history.DemandeMerge}) closes and opens
 * them.
 */
public final class DemandeVersions {

    private DemandeVersions() {
    }

    /** The versions known from one extract alone: each demande of the typed {@code demandes} table, still current. */
    public static Dataset<Row> fromSingleExtract(Dataset<Row> demandes) {
        return opening(demandes, List.of(demandes.columns()), lit(true));
    }

    /**
     * The versions opened by rows of the {@code demandes} layout: valid from their
     * {@code date_extraction}, still current.
     *
     * @param rows    rows holding the {@code demandes} columns (and possibly others, dropped)
     * @param columns the columns of the {@code demandes} table, in its order
     * @param first   whether the version is the demande's earliest
     */
    public static Dataset<Row> opening(Dataset<Row> rows, List<String> columns, Column first) {
        List<Column> versionColumns = new ArrayList<>();
        for (String c : columns) {
            if (!c.equals("date_extraction")) {
                versionColumns.add(col(c));
            }
        }
        versionColumns.add(col("date_extraction").as("valide_du"));
        versionColumns.add(lit(null).cast(DataTypes.DateType).as("valide_au"));
        versionColumns.add(first.as("premiere_version"));
        return rows.select(versionColumns.toArray(Column[]::new));
    }
}
