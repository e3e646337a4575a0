package fr.infocentre.etl.validation;

import java.util.List;

/** Cross-field rules of guichets.csv: closed after opening, located in a known commune. */
final class GuichetRules {

    private GuichetRules() {
    }

    static List<Check> checks() {
        return List.of(
                RowRules.notBefore("date_fermeture", "date_ouverture"),
                RowRules.knownCommune("code_commune"));
    }
}
