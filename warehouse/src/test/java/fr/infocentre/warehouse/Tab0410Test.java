package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.Cellules.parts;
import static fr.infocentre.warehouse.EntrepotMini.LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static fr.infocentre.warehouse.EntrepotMini.VILLEURBANNE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TAB04-10 on the mini extract; expected figures worked out by hand in its README.md (table 4). */
class Tab0410Test {

    private static RapportTable calculer(Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer("TAB04-10", niveau, code, 2024);
    }

    @Test
    void nationalExcludesTheAssociationAndLeasesOutsideTheYear() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR");
        assertEquals(List.of("ETAT", "ETAT_FONCTIONNAIRES", "ACTION_LOGEMENT", "COLLECTIVITE", "BAILLEUR", "AUTRE",
                "NON_RENSEIGNE"), Cellules.cles(t));
        colonne(t, "effectif", 2, 1, 1, 1, 1, 1, 1);
        parts(t, 25.0, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5);
        assertEquals(8L, t.total().get("effectif"));
        assertEquals(100.0, t.total().get("part"));
    }

    @Test
    void alpesMaritimes() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "93"), calculer(Niveau.DEPARTEMENT, "06"))) {
            colonne(t, "effectif", 2, 0, 0, 1, 0, 0, 0);
            parts(t, 66.7, 0.0, 0.0, 33.3, 0.0, 0.0, 0.0);
            assertEquals(3L, t.total().get("effectif"));
        }
    }

    @Test
    void metropoleNiceCoteDAzur() {
        RapportTable t = calculer(Niveau.EPCI, METROPOLE_NICE);
        colonne(t, "effectif", 1, 0, 0, 1, 0, 0, 0);
        parts(t, 50.0, 0.0, 0.0, 50.0, 0.0, 0.0, 0.0);
    }

    @Test
    void rhoneAndMetropoleDeLyon() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "84"), calculer(Niveau.DEPARTEMENT, "69"),
                calculer(Niveau.EPCI, METROPOLE_LYON))) {
            colonne(t, "effectif", 0, 1, 1, 0, 1, 1, 1);
            parts(t, 0.0, 20.0, 20.0, 0.0, 20.0, 20.0, 20.0);
            assertEquals(5L, t.total().get("effectif"));
        }
    }

    @Test
    void communesAreLocatedByTheDwellingAndFullyMaskedHere() {
        // Lyon: L12's dwelling in the 2nd arrondissement (rolled up), L17 (no réservataire), L18
        RapportTable lyon = EntrepotMini.warehouse().calculer("TAB04-10", Niveau.COMMUNE, LYON, 2024); // as published
        Cellules.publiee(lyon, "effectif", 0L, 0L, null, 0L, 0L, null, null);
        Cellules.publiee(lyon, "part", null, null, null, null, null, null, null);
        assertNull(lyon.total().get("effectif"));
        assertTrue(lyon.masques().contains(new RapportTable.Masque("total", "effectif")));
        // Villeurbanne: V04 and L13 (a Lyon demande whose dwelling is in Villeurbanne)
        RapportTable villeurbanne = EntrepotMini.warehouse().calculer("TAB04-10", Niveau.COMMUNE, VILLEURBANNE, 2024);
        Cellules.publiee(villeurbanne, "effectif", 0L, null, 0L, 0L, null, 0L, 0L);
    }
}
