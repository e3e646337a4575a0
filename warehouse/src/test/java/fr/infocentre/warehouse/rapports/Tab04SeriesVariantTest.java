package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.fixtures.Series04Checks;
import fr.infocentre.warehouse.fixtures.Series04Expected;
import fr.infocentre.warehouse.fixtures.Series04Warehouse;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Series04Checks.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Series 04 on the variant extract {@code extracts/serie04} (the mini extract with varied QPV,
 * typologie, DALO / prioritaire values and empty household fields on the 8 leases of 2024), so that
 * every "Non renseigné" path and the categories the mini extract leaves at 0 are exercised. National
 * figures worked out by hand in src/test/resources/attendus-serie-04.md (section 2); every territory
 * checked against the plain-Java route ({@link Series04Expected}).
 */
class Tab04SeriesVariantTest {

    private static final Series04Expected EXPECTED = new Series04Expected(Series04Warehouse.EXTRACT, 2024);

    private static RapportTable national(String id) {
        return Series04Warehouse.unprotected().compute(id, Level.NATIONAL, "FR", 2024);
    }

    private static long[] n(long... v) {
        return v;
    }

    private static double[] p(double... v) {
        return v;
    }

    @Test
    void householdDimensionsWithEmptyFields() {
        table(national("TAB04-02"), List.of("MOINS_25", "25_29", "30_39", "40_49", "50_64", "65_74", "75_PLUS",
                        "NON_RENSEIGNE"), n(1, 1, 1, 3, 0, 0, 1, 1), p(12.5, 12.5, 12.5, 37.5, 0.0, 0.0, 12.5, 12.5),
                n(0, 1, 1, 1, 0, 0, 1, 0), n(1, 0, 0, 2, 0, 0, 0, 1));
        table(national("TAB04-03"), List.of("FR", "UE", "HORS_UE", "NON_RENSEIGNE"), n(2, 1, 4, 1),
                p(25.0, 12.5, 50.0, 12.5), n(2, 1, 1, 0), n(0, 0, 3, 1));
        table(national("TAB04-04"), List.of("1", "2", "3", "4", "5", "6_PLUS", "NON_RENSEIGNE"),
                n(1, 2, 1, 3, 0, 0, 1), p(12.5, 25.0, 12.5, 37.5, 0.0, 0.0, 12.5), n(1, 1, 0, 1, 0, 0, 1),
                n(0, 1, 1, 2, 0, 0, 0));
        table(national("TAB04-05"), List.of("PERSONNE_SEULE", "COUPLE_SANS_ENFANT", "COUPLE_AVEC_ENFANTS",
                        "FAMILLE_MONOPARENTALE", "AUTRE", "NON_RENSEIGNE"), n(1, 2, 1, 1, 1, 2),
                p(12.5, 25.0, 12.5, 12.5, 12.5, 25.0), n(1, 0, 1, 0, 0, 2), n(0, 2, 0, 1, 1, 0));
        table(national("TAB04-06"), List.of("CDI_FONCTIONNAIRE", "CDD_INTERIM_APPRENTI", "INDEPENDANT", "CHOMAGE",
                        "RETRAITE", "ETUDIANT", "SANS_EMPLOI_AUTRE", "NON_RENSEIGNE"), n(1, 3, 0, 1, 2, 0, 0, 1),
                p(12.5, 37.5, 0.0, 12.5, 25.0, 0.0, 0.0, 12.5), n(1, 1, 0, 1, 1, 0, 0, 0), n(0, 2, 0, 0, 1, 0, 0, 1));
        table(national("TAB04-07"), List.of("AUCUN", "MOINS_500", "500_999", "1000_1499", "1500_1999", "2000_2999",
                        "3000_PLUS", "NON_RENSEIGNE"), n(1, 0, 0, 2, 0, 4, 0, 1),
                p(12.5, 0.0, 0.0, 25.0, 0.0, 50.0, 0.0, 12.5), n(0, 0, 0, 1, 0, 3, 0, 0), n(1, 0, 0, 1, 0, 1, 0, 1));
        table(national("TAB04-09"), List.of("LOCATAIRE_HLM", "LOCATAIRE_PRIVE", "PROPRIETAIRE", "CHEZ_PARENTS",
                        "CHEZ_PARTICULIER", "STRUCTURE_HEBERGEMENT", "FOYER_RESIDENCE", "SANS_ABRI_MOBILE_SANS_TITRE",
                        "AUTRE", "NON_RENSEIGNE"), n(4, 2, 0, 0, 0, 0, 0, 1, 0, 1),
                p(50.0, 25.0, 0.0, 0.0, 0.0, 0.0, 0.0, 12.5, 0.0, 12.5), null, null);
        table(national("TAB04-12"), List.of("MUTATION", "HORS_MUTATION"), n(4, 4), p(50.0, 50.0), null, null);
    }

    @Test
    void dwellingDimensions() {
        table(national("TAB04-11"), List.of("T1", "T2", "T3", "T4", "T5", "T6", "NON_RENSEIGNE"),
                n(1, 2, 1, 1, 1, 1, 1), p(12.5, 25.0, 12.5, 12.5, 12.5, 12.5, 12.5), n(1, 1, 1, 0, 1, 0, 0),
                n(0, 1, 0, 1, 0, 1, 1));
        table(national("TAB04-13"), List.of("QPV", "HORS_QPV", "NON_RENSEIGNE"), n(3, 3, 2), p(37.5, 37.5, 25.0),
                n(3, 1, 0), n(0, 2, 2));
        // Lyon's dwellings: L12 (69382) and L18 in QPV, L17 unknown; Villeurbanne: L13, V04 hors QPV
        RapportTable dep69 = Series04Warehouse.unprotected().compute("TAB04-13", Level.DEPARTEMENT, "69", 2024);
        table(dep69, List.of("QPV", "HORS_QPV", "NON_RENSEIGNE"), n(2, 2, 1), p(40.0, 40.0, 20.0), n(2, 1, 0),
                n(0, 1, 1));
    }

    @Test
    void daloFromTheAttributionOrTheDemande() {
        // DALO: N12 (attribution), L12 (demande), V04 (attribution); prioritaire hors DALO: N16;
        // neither: L13 (attribution empty, demande 0), L18; unknown: A03 (both empty), L17 (prioritaire empty)
        table(national("TAB04-14"), List.of("DALO", "PRIORITAIRE_HORS_DALO", "NON_PRIORITAIRE", "NON_RENSEIGNE"),
                n(3, 1, 2, 2), p(37.5, 12.5, 25.0, 25.0), n(3, 0, 1, 0), n(0, 1, 1, 2));
        RapportTable dep06 = Series04Warehouse.unprotected().compute("TAB04-14", Level.DEPARTEMENT, "06", 2024);
        table(dep06, List.of("DALO", "PRIORITAIRE_HORS_DALO", "NON_PRIORITAIRE", "NON_RENSEIGNE"), n(1, 1, 0, 1),
                p(33.3, 33.3, 0.0, 33.3), n(1, 0, 0, 0), n(0, 1, 0, 1));
    }

    @Test
    void everyTerritoryMatchesThePlainJavaRouteAndTab0410() {
        Warehouse w = Series04Warehouse.unprotected();
        assertEquals(8, EXPECTED.attributions().size());
        for (Territoire ter : Series04Checks.territoires(w)) {
            Object total = w.compute("TAB04-10", ter.level(), ter.code(), 2024).total().get("effectif");
            for (String id : Series04Checks.RAPPORTS) {
                RapportTable t = w.compute(id, ter.level(), ter.code(), 2024);
                Series04Checks.asExpected(t, EXPECTED);
                assertEquals(total, t.total().get("effectif"), id + " vs TAB04-10 " + ter);
            }
        }
    }
}
