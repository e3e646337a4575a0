package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;

/** Cross-field rules of evenements.csv: a RADIATION carries its motif. */
final class EvenementRules {

    private EvenementRules() {
    }

    static List<Check> checks() {
        return List.of(new Check("motif_radiation",
                col("type").equalTo(lit("RADIATION")).and(col("motif_radiation").isNull()),
                lit("motif_radiation obligatoire pour un événement RADIATION"), lit(null)));
    }
}
