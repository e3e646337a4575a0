package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.Cellules.parts;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** TAB04-08 on the mini extract; expected figures in src/test/resources/attendus-plafonds-quartiles.md (section 3). */
class Tab0408Test {

    private static RapportTable calculer(Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer("TAB04-08", niveau, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR");
        assertEquals(List.of("PLAI", "PLAI_PLUS", "PLUS_PLS", "PLUS_DE_PLS", "NON_RENSEIGNE"), Cellules.cles(t));
        colonne(t, "effectif", 3, 4, 1, 0, 0);
        parts(t, 37.5, 50.0, 12.5, 0.0, 0.0);
        colonne(t, "mutation", 1, 2, 1, 0, 0);
        colonne(t, "hors_mutation", 2, 2, 0, 0, 0);
        assertEquals(8L, t.total().get("effectif"));
    }

    @Test
    void departementsAndMetropoles() {
        for (RapportTable t : List.of(calculer(Niveau.DEPARTEMENT, "06"), calculer(Niveau.REGION, "93"))) {
            colonne(t, "effectif", 3, 0, 0, 0, 0);
            parts(t, 100.0, 0.0, 0.0, 0.0, 0.0);
        }
        for (RapportTable t : List.of(calculer(Niveau.DEPARTEMENT, "69"), calculer(Niveau.EPCI, METROPOLE_LYON))) {
            colonne(t, "effectif", 0, 4, 1, 0, 0);
            parts(t, 0.0, 80.0, 20.0, 0.0, 0.0);
            colonne(t, "mutation", 0, 2, 1, 0, 0);
        }
        colonne(calculer(Niveau.EPCI, METROPOLE_NICE), "effectif", 2, 0, 0, 0, 0);
    }
}
