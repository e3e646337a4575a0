package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import fr.infocentre.etl.reference.Communes;
import java.util.List;
import org.apache.spark.sql.Column;

/** Cross-field rules of demandes.csv: date order, radiation pair, wished and residence communes. */
final class DemandeRules {

    private DemandeRules() {
    }

    static List<Check> checks() {
        Column souhaitees = col("communes_souhaitees");
        Column count = size(split(souhaitees, "\\|", -1));
        Column unknown = Communes.firstUnknown(souhaitees);
        return List.of(
                RowRules.notBefore("date_enregistrement", "date_depot"),
                RowRules.notBefore("date_renouvellement", "date_depot"),
                RowRules.notBefore("date_radiation", "date_depot"),
                RowRules.bothOrNeither("date_radiation", "motif_radiation"),
                new Check("communes_souhaitees", souhaitees.isNotNull().and(count.gt(Communes.MAX_SOUHAITEES)),
                        concat(lit("plus de " + Communes.MAX_SOUHAITEES + " communes souhaitées ("),
                                count.cast("string"), lit(")")), souhaitees),
                new Check("communes_souhaitees", souhaitees.isNotNull().and(unknown.isNotNull()),
                        when(unknown.equalTo(lit("")), lit("code commune vide dans communes_souhaitees"))
                                .otherwise(concat(lit("commune inconnue '"), unknown,
                                        lit("' dans communes_souhaitees"))), souhaitees),
                RowRules.knownCommuneOrAbroad("commune_residence"));
    }
}
