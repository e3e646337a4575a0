package fr.infocentre.etl.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.infocentre.etl.reference.Plafonds.Plafond;
import fr.infocentre.etl.reference.Plafonds.Zone;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table {@code plafonds}: complete, published figures kept, the PLAFONDS.md gaps filled by
 * the rule of ref/README.md. Expected fills worked out by hand from plafonds-ressources.csv.
 */
class PlafondsTest {

    private static final List<Plafond> PLAFONDS = Plafonds.complets();

    private static Plafond plafond(int annee, String financement, String zone, int categorie) {
        return PLAFONDS.stream().filter(p -> p.annee() == annee && p.financement().equals(financement)
                        && p.zone().equals(zone) && p.categorie() == categorie).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + annee + " " + financement + " " + zone + " " + categorie));
    }

    @Test
    void everyYearFinancementZoneAndCategoryOnce() {
        assertEquals(12 * 3 * 3 * 6, PLAFONDS.size());
        Set<String> keys = new HashSet<>();
        for (Plafond p : PLAFONDS) {
            assertTrue(keys.add(p.annee() + p.financement() + p.zone() + p.categorie()), p.toString());
            assertTrue(p.plafondEuros() > 0 && p.suppParPersonne() > 0, p.toString());
        }
    }

    @Test
    void publishedFiguresAreKeptAsArrete() {
        // plafonds-ressources.csv: 2024,PLUS,AUTRES_REGIONS,1,22642 and SUPP 6492
        Plafond p = plafond(2024, "PLUS", "AUTRES_REGIONS", 1);
        assertEquals(22642, p.plafondEuros());
        assertEquals(6492, p.suppParPersonne());
        assertEquals("arrêté", p.regle());
        assertEquals("arrêté", p.regleSupp());
        assertTrue(p.source().contains("plu/par_categorie_de_menage/categorie_1/autres_regions.yaml"), p.source());
        assertEquals(29435, plafond(2024, "PLS", "AUTRES_REGIONS", 1).plafondEuros());
        assertEquals(12452, plafond(2024, "PLAI", "AUTRES_REGIONS", 1).plafondEuros());
    }

    @Test
    void plai2025IdfCategory5IsFilledFrom2024RevaluedByPlus() {
        // PLAI 2024 IDF cat. 5 = 36493; PLUS IDF cat. 5: 2025 = 67984, 2024 = 66347;
        // 36493 × 67984 / 66347 = 37393.40… → 37393
        Plafond p = plafond(2025, "PLAI", "IDF_HORS_PARIS", 5);
        assertEquals(37393, p.plafondEuros());
        assertEquals("comblé : PLAI 2024 × PLUS 2025 / PLUS 2024", p.regle());
        assertNull(p.source());
        // SUPP: 4573 × 8524 / 8319 = 4685.69 → 4686
        assertEquals(4686, p.suppParPersonne());
        assertEquals("comblé : PLAI 2024 × PLUS 2025 / PLUS 2024", p.regleSupp());
        // categories 1–4 of the same year and zone are published
        assertEquals("arrêté", plafond(2025, "PLAI", "IDF_HORS_PARIS", 4).regle());
    }

    @Test
    void plai2016AutresRegionsCategory5IsFilledFromTheNextYearWhen2015IsMissingToo() {
        // 2015 has no PLAI at all: nearest published year is 2017. 25243 × 45867 / 45895 = 25227.60 → 25228
        Plafond p = plafond(2016, "PLAI", "AUTRES_REGIONS", 5);
        assertEquals(25228, p.plafondEuros());
        assertEquals("comblé : PLAI 2017 × PLUS 2016 / PLUS 2017", p.regle());
        assertEquals("arrêté", p.regleSupp());
    }

    @Test
    void fillsComeFromPublishedFiguresOnlyNeverFromOtherFills() {
        // 2026 IDF cat. 6: 2025 is itself a gap, so the nearest published year is 2024.
        // 41064 × 77171 / 74662 = 42443.95 → 42444
        Plafond p = plafond(2026, "PLAI", "IDF_HORS_PARIS", 6);
        assertEquals(42444, p.plafondEuros());
        assertEquals("comblé : PLAI 2024 × PLUS 2026 / PLUS 2024", p.regle());
        // 2015 Paris cat. 1: 12725 (2016) × 23127 / 23132 = 12722.25 → 12722
        assertEquals(12722, plafond(2015, "PLAI", "PARIS_LIMITROPHES", 1).plafondEuros());
    }

    @Test
    void theRuleReproducesAPublishedFigure() {
        // sanity check of the rule on a published year: PLAI 2023 AUTRES_REGIONS cat. 1 = 12032,
        // × PLUS 2024 / PLUS 2023 = 12032 × 22642 / 21878 = 12452.17 → 12452, the published 2024 figure.
        assertEquals(12452, plafond(2024, "PLAI", "AUTRES_REGIONS", 1).plafondEuros());
    }

    @Test
    void onlyTheDocumentedGapsAreFilled() {
        long filled = PLAFONDS.stream().filter(p -> !p.regle().equals("arrêté")).count();
        // PLAFONDS.md: 2015 all (3 zones × 6), 2016 IDF (6) + AUTRES cat. 5, 2025 IDF cat. 5 and 6, 2026 all (18)
        assertEquals(18 + 6 + 1 + 2 + 18, filled);
        assertTrue(PLAFONDS.stream().filter(p -> !p.regle().equals("arrêté"))
                .allMatch(p -> p.financement().equals("PLAI")));
        long suppFilled = PLAFONDS.stream().filter(p -> p.categorie() == 1 && !p.regleSupp().equals("arrêté")).count();
        assertEquals(3 + 1 + 1 + 3, suppFilled, "SUPP: 2015 × 3 zones, 2016 IDF, 2025 IDF, 2026 × 3 zones");
    }

    @Test
    void zones() {
        Map<String, String> zones = Plafonds.zones();
        assertEquals(34_920, zones.size());
        assertEquals("PARIS_LIMITROPHES", zones.get("75056"));
        assertEquals("PARIS_LIMITROPHES", zones.get("75112"), "arrondissement of Paris");
        assertEquals("PARIS_LIMITROPHES", zones.get("92012"), "Boulogne-Billancourt");
        assertEquals("IDF_HORS_PARIS", zones.get("78646"), "Versailles");
        assertEquals("AUTRES_REGIONS", zones.get("06088"), "Nice");
        assertEquals("AUTRES_REGIONS", zones.get("69381"), "Lyon 1er");
        assertEquals(1 + 20 + 29, zones.values().stream().filter("PARIS_LIMITROPHES"::equals).count());
    }

    @Test
    void theLookupGivesTheCompleteTableAndThePerPersonAmountBeyondSix() {
        Plafonds.Lookup lookup = Plafonds.lookup();
        for (Plafond p : PLAFONDS) {
            assertEquals(p.plafondEuros(), lookup.plafond(p.annee(), p.financement(), Zone.valueOf(p.zone()),
                    p.categorie()), p.toString());
        }
        // a filled figure, as in the table: PLAI 2025 IDF_HORS_PARIS cat. 5
        assertEquals(37393, lookup.plafond(2025, "PLAI", Zone.IDF_HORS_PARIS, 5));
        // 8 persons: category 6 + 2 × supp_par_personne
        Plafond six = plafond(2024, "PLUS", "AUTRES_REGIONS", 6);
        assertEquals(six.plafondEuros() + 2 * six.suppParPersonne(), lookup.plafond(2024, "PLUS", Zone.AUTRES_REGIONS, 8));
        Plafond sixFilled = plafond(2026, "PLAI", "IDF_HORS_PARIS", 6);
        assertEquals(42444 + sixFilled.suppParPersonne(), lookup.plafond(2026, "PLAI", Zone.IDF_HORS_PARIS, 7));
        assertThrows(IllegalArgumentException.class, () -> lookup.plafond(2014, "PLAI", Zone.AUTRES_REGIONS, 1));
        assertThrows(IllegalArgumentException.class, () -> lookup.plafond(2027, "PLAI", Zone.AUTRES_REGIONS, 1));
        assertThrows(IllegalArgumentException.class, () -> lookup.plafond(2024, "PLI", Zone.AUTRES_REGIONS, 1));
        assertThrows(IllegalArgumentException.class, () -> lookup.plafond(2024, "PLAI", Zone.AUTRES_REGIONS, 0));
    }

    @Test
    void zonesAreTheZoneEnum() {
        assertEquals(List.of("PARIS_LIMITROPHES", "IDF_HORS_PARIS", "AUTRES_REGIONS"), Plafonds.ZONES);
        Set<String> zones = new HashSet<>(Plafonds.zones().values());
        assertEquals(new HashSet<>(Plafonds.ZONES), zones);
    }
}
