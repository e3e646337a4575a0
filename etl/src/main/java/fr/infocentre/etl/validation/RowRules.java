package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import fr.infocentre.etl.reference.Communes;

/** Building blocks for the cross-field rules of the extract files. */
final class RowRules {

    private RowRules() {
    }

    /** {@code later} must not be before {@code earlier} (checked only when both are valid dates). */
    static Check notBefore(String later, String earlier) {
        return new Check(later, Columns.date(later).lt(Columns.date(earlier)),
                concat(lit(later + " "), col(later), lit(" antérieure à " + earlier + " "), col(earlier)),
                col(later));
    }

    /** Both fields are filled or both are empty. */
    static Check bothOrNeither(String a, String b) {
        return new Check(a + "/" + b, col(a).isNull().notEqual(col(b).isNull()),
                lit(a + " et " + b + " vont ensemble : l'un est renseigné, l'autre vide"),
                concat_ws("/", coalesce(col(a), lit("")), coalesce(col(b), lit(""))));
    }

    /** The field, when filled, is a known commune (COG), arrondissements included. */
    static Check knownCommune(String field) {
        return new Check(field, col(field).isNotNull().and(not(Communes.known(col(field)))),
                concat(lit("commune inconnue '"), col(field), lit("' pour " + field)), col(field));
    }

    /** The field, when filled, is a known commune or a code abroad ({@code 99…}). */
    static Check knownCommuneOrAbroad(String field) {
        return new Check(field, col(field).isNotNull().and(not(col(field).rlike("^99[0-9]{3}$")))
                .and(not(Communes.known(col(field)))),
                concat(lit("commune inconnue '"), col(field), lit("' pour " + field + " (ni COG ni 99… étranger)")),
                col(field));
    }
}
