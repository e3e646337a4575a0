package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import fr.infocentre.etl.contract.ExtractFile;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Events and attributions against the demande they refer to, across files: it must be a valid
 * demande of the extract, filed (date_depot) on or before the event or the lease. The valid
 * demandes' numero_unique and date_depot are joined to each row under names no column of the
 * file takes, then dropped.
 */
final class DemandeReference {

    private static final String NUMERO = "_demande_valide";
    private static final String DEPOT = "_date_depot_demande";

    private DemandeReference() {
    }

    /** The rows with their demande's numero_unique and date_depot, both null when it is not a valid demande. */
    static Dataset<Row> join(Dataset<Row> rows, Dataset<Row> validDemandes) {
        Dataset<Row> refs = validDemandes.select(col("numero_unique").as(NUMERO), col("date_depot").as(DEPOT));
        return rows.join(refs, rows.col("numero_unique").equalTo(refs.col(NUMERO)), "left");
    }

    /** The joined rows without the demande's columns. */
    static Dataset<Row> drop(Dataset<Row> joined) {
        return joined.drop(NUMERO, DEPOT);
    }

    /** The checks of a joined row of evenements.csv or attributions.csv. */
    static List<Check> checks(ExtractFile file) {
        String date = switch (file) {
            case EVENEMENTS -> "date_evenement";
            case ATTRIBUTIONS -> "date_bail";
            case GUICHETS, DEMANDES -> throw new IllegalArgumentException(file + " refers to no demande");
        };
        return List.of(
                new Check("numero_unique", col(NUMERO).isNull(),
                        concat(lit("demande inconnue ou rejetée '"), col("numero_unique"), lit("'")),
                        col("numero_unique")),
                new Check(date, Columns.date(date).lt(Columns.date(DEPOT)),
                        concat(lit(date + " "), col(date), lit(" antérieure au dépôt de la demande (date_depot "),
                                col(DEPOT), lit(" dans demandes.csv)")), col(date)));
    }
}
