package fr.infocentre.etl.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Derives the activity periods of each demande from its events.
 *
 * <p>A demande's status events (CREATION, RENOUVELLEMENT, MODIFICATION, REACTIVATION, RADIATION;
 * PIECE does not change status) are ordered by date then {@code ligne}. A period opens at a
 * non-RADIATION event that follows an inactive state (no event yet, or a RADIATION) and closes
 * at the next RADIATION: {@code fin} is that radiation's date, {@code motif_fin} its motif. A
 * RADIATION while inactive changes nothing. A period that opens and closes on the same day
 * holds no active day ({@code fin} is exclusive) and is not written, so that a demande is active
 * on d exactly when a period has {@code debut <= d < fin}.
 */
public final class PeriodDerivation {

    private static final String RADIATION = "RADIATION";

    private PeriodDerivation() {
    }

    /** Periods (numero_unique, debut, fin, evenement_debut, motif_fin) from the typed evenements table. */
    public static Dataset<Row> periods(Dataset<Row> evenements) {
        WindowSpec byDemande = Window.partitionBy("numero_unique").orderBy("date_evenement", "ligne");
        Column radiation = col("type").equalTo(lit(RADIATION));
        Column previous = lag(col("type"), 1).over(byDemande);
        Column wasActive = previous.isNotNull().and(previous.notEqual(lit(RADIATION)));
        Dataset<Row> changes = evenements
                .filter(col("type").notEqual(lit("PIECE")))
                .withColumn("_opens", not(radiation).and(not(wasActive)))
                .withColumn("_closes", radiation.and(wasActive))
                .filter(col("_opens").or(col("_closes")));
        // Openings and closings now alternate within a demande, starting with an opening.
        Column nextIsClose = lead(col("_closes"), 1).over(byDemande);
        return changes
                .withColumn("fin", when(nextIsClose, lead(col("date_evenement"), 1).over(byDemande)))
                .withColumn("motif_fin", when(nextIsClose, lead(col("motif_radiation"), 1).over(byDemande)))
                .filter(col("_opens"))
                .filter(col("fin").isNull().or(col("fin").gt(col("date_evenement"))))
                .select(col("numero_unique"), col("date_evenement").as("debut"), col("fin"),
                        col("type").as("evenement_debut"), col("motif_fin"));
    }
}
