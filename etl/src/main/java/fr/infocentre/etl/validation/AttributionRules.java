package fr.infocentre.etl.validation;

import java.util.List;

/** Cross-field rules of attributions.csv: entered after the lease, dwelling in a known commune. */
final class AttributionRules {

    private AttributionRules() {
    }

    static List<Check> checks() {
        return List.of(
                RowRules.notBefore("date_saisie", "date_bail"),
                RowRules.knownCommune("commune_logement"));
    }
}
