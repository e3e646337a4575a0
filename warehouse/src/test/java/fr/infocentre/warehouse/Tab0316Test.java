package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.Cellules.parts;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TAB03-16 on the mini extract: thresholds per EPCI at 31 Dec 2024 (quantile_disc) and the
 * quartile of each demande; worked out by hand in src/test/resources/attendus-plafonds-quartiles.md
 * (section 4).
 */
class Tab0316Test {

    private static RapportTable calculer(Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer("TAB03-16", niveau, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR");
        assertEquals(List.of("Q1", "Q2", "Q3", "Q4", "NON_RENSEIGNE"), Cellules.cles(t));
        colonne(t, "effectif", 8, 6, 8, 6, 0);
        parts(t, 28.6, 21.4, 28.6, 21.4, 0.0);
        colonne(t, "mutation", 4, 1, 5, 0, 0);
        colonne(t, "hors_mutation", 4, 5, 3, 6, 0);
        assertEquals(28L, t.total().get("effectif"));
    }

    @Test
    void metropoleNiceSplitsItsTwelveDemandesIntoFourEqualQuarters() {
        RapportTable t = calculer(Niveau.EPCI, METROPOLE_NICE);
        colonne(t, "effectif", 3, 3, 3, 3, 0);
        parts(t, 25.0, 25.0, 25.0, 25.0, 0.0);
        colonne(t, "mutation", 1, 0, 2, 0, 0);
    }

    @Test
    void departementsRollUpTheirEpciQuartiles() {
        // 06 = Nice (3/3/3/3) + CA Sophia Antipolis (A02 Q1, A01 Q3)
        colonne(calculer(Niveau.DEPARTEMENT, "06"), "effectif", 4, 3, 4, 3, 0);
        for (RapportTable t : List.of(calculer(Niveau.DEPARTEMENT, "69"), calculer(Niveau.EPCI, METROPOLE_LYON))) {
            colonne(t, "effectif", 4, 3, 4, 3, 0);
            colonne(t, "mutation", 3, 1, 2, 0, 0);
            colonne(t, "hors_mutation", 1, 2, 2, 3, 0);
        }
    }
}
