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
 * docs/warehouse-format.md): the versions of each demande's
 * attributes across successive extracts, so that a rapport at a date uses what was known then.
 * One row per demande and version: every column of {@code demandes} but {@code date_extraction},
 * plus {@code valide_du} (the date of the extract in which the version was first seen),
 * {@code valide_au} (exclusive end: the date of the extract that replaced it; null while current)
 * and {@code premiere_version} (the demande's earliest version, which rapports also use for the
 * days before its {@code valide_du}).
 *
 * <p>A load holds a single extract, so it knows one version per demande, valid from the
 * extract's date and still current. Merging with the previous load's versions (closing the
 * changed ones, keeping purged demandes open) is the weekly merge's job, not done yet.
 */
public final class DemandeVersions {

    private DemandeVersions() {
    }

    /** The versions known from one extract alone: each demande of the typed {@code demandes} table, still current. */
    public static Dataset<Row> fromSingleExtract(Dataset<Row> demandes) {
        List<Column> columns = new ArrayList<>();
        for (String c : demandes.columns()) {
            if (!c.equals("date_extraction")) {
                columns.add(col(c));
            }
        }
        columns.add(col("date_extraction").as("valide_du"));
        columns.add(lit(null).cast(DataTypes.DateType).as("valide_au"));
        columns.add(lit(true).as("premiere_version"));
        return demandes.select(columns.toArray(Column[]::new));
    }
}
