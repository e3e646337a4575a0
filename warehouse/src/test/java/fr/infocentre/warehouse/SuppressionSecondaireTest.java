package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secondary suppression on hand-made linked tables where primary suppression alone leaks: each
 * case first shows the attacker pinning a small count under the legacy rule (counts 1–10 masked,
 * nothing else), then finds nothing to pin once the tables go through the protection step, and
 * checks by hand which cells the protection chose.
 */
class SuppressionSecondaireTest {

    private static final List<Niveau> TOUS = List.of(Niveau.values());
    private static final List<String> ABC = List.of("a", "b", "c");

    private static Map<String, Long> n(Object... categorieN) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < categorieN.length; i += 2) {
            m.put((String) categorieN[i], ((Number) categorieN[i + 1]).longValue());
        }
        return m;
    }

    private static RapportTable table(List<RapportTable> tables, Niveau niveau, String code) {
        return tables.stream().filter(t -> t.territoire().niveau() == niveau && t.territoire().code().equals(code))
                .findFirst().orElseThrow();
    }

    private static Object cellule(RapportTable t, String ligne, String colonne) {
        Map<String, Object> l = ligne.equals("total") ? t.total()
                : t.lignes().stream().filter(m -> ligne.equals(m.get("cle"))).findFirst().orElseThrow();
        return l.get(colonne);
    }

    /** The legacy rule leaks at least {@code fuite}; the protected tables leak nothing. */
    private static List<RapportTable> protegeEtVerifie(TablesEssai essai, String fuite) {
        List<String> avant = essai.cellulesDevoilees(essai.protegerPrimaireSeulement());
        assertTrue(avant.contains(fuite), "the legacy rule leaks " + fuite + "; the attacker found " + avant);
        List<RapportTable> protegees = essai.proteger();
        assertEquals(List.of(), essai.cellulesDevoilees(protegees), "nothing pinned once protected");
        return protegees;
    }

    @Test
    void rowTotalMinusVisibleCategories() {
        // One commune, published only nationally: a = 3 would be the total 38 − b 20 − c 15.
        TablesEssai essai = new TablesEssai(ABC, List.of(Niveau.NATIONAL))
                .commune("01001", "200000001", "01", "84", n("a", 3, "b", 20, "c", 15));
        List<RapportTable> t = protegeEtVerifie(essai, "national FR a n = 3");
        RapportTable france = table(t, Niveau.NATIONAL, "FR");
        assertNull(cellule(france, "a", "n"));
        assertNull(cellule(france, "c", "n"), "the smaller other category hides it");
        assertEquals(20L, cellule(france, "b", "n"));
        assertEquals(38L, cellule(france, "total", "n"), "the total stays visible");
    }

    @Test
    void epciOfTwoCommunes() {
        // EPCI E = {A, B}: A's a = 4 would be E's a 34 − B's a 30.
        TablesEssai essai = new TablesEssai(ABC, TOUS)
                .commune("01001", "200000001", "01", "84", n("a", 4, "b", 40, "c", 25))
                .commune("01002", "200000001", "01", "84", n("a", 30, "b", 50, "c", 12));
        List<RapportTable> t = protegeEtVerifie(essai, "commune 01001 a n = 4");
        RapportTable b = table(t, Niveau.COMMUNE, "01002");
        assertNull(cellule(b, "a", "n"), "B's a masked in turn");
        assertEquals(34L, cellule(table(t, Niveau.EPCI, "200000001"), "a", "n"), "the EPCI stays visible");
        assertEquals(34L, cellule(table(t, Niveau.NATIONAL, "FR"), "a", "n"));
        // And each commune's total, 69 and 92, stays visible: the second masked cell of each is c (25 and 12).
        assertEquals(69L, cellule(table(t, Niveau.COMMUNE, "01001"), "total", "n"));
        assertNull(cellule(table(t, Niveau.COMMUNE, "01001"), "c", "n"));
        assertNull(cellule(b, "c", "n"));
        assertEquals(50L, cellule(b, "b", "n"));
    }

    @Test
    void epciWhoseOtherCommunesAreVisible() {
        // E = {A, B, C}: A's a = 4 = E's 49 − 20 − 25; the protection masks the smaller B.
        TablesEssai essai = new TablesEssai(ABC, TOUS)
                .commune("01001", "200000001", "01", "84", n("a", 4, "b", 30, "c", 30))
                .commune("01002", "200000001", "01", "84", n("a", 20, "b", 30, "c", 30))
                .commune("01003", "200000001", "01", "84", n("a", 25, "b", 30, "c", 30));
        List<RapportTable> t = protegeEtVerifie(essai, "commune 01001 a n = 4");
        assertNull(cellule(table(t, Niveau.COMMUNE, "01002"), "a", "n"));
        assertEquals(25L, cellule(table(t, Niveau.COMMUNE, "01003"), "a", "n"));
        assertEquals(49L, cellule(table(t, Niveau.EPCI, "200000001"), "a", "n"));
    }

    @Test
    void epciStraddlingTwoDepartements() {
        // E = {A in 01, B in 39}; département 01 = {A, C} with C in another EPCI F; 39 = {B}.
        // A's a = 4 = 01's a 24 − C's a 20: A is alone in E ∩ 01, so some EPCI or département cells must go.
        TablesEssai essai = new TablesEssai(ABC, TOUS)
                .commune("01001", "200000001", "01", "84", n("a", 4, "b", 30, "c", 30))
                .commune("39001", "200000001", "39", "27", n("a", 40, "b", 30, "c", 30))
                .commune("01002", "200000002", "01", "84", n("a", 20, "b", 30, "c", 30));
        List<RapportTable> t = protegeEtVerifie(essai, "commune 01001 a n = 4");
        assertNotNull(cellule(table(t, Niveau.NATIONAL, "FR"), "a", "n"), "France stays visible");
        assertEquals(List.of(), essai.cellulesDevoilees(t));
    }

    @Test
    void twoWayTableWithMargins() {
        // Category × (mutation, hors mutation) with an "ensemble" column and a total line, at commune and EPCI.
        TablesEssai essai = new TablesEssai(ABC, List.of("mutation", "hors_mutation"), TOUS, true, null)
                .communeColonnes("01001", "200000001", "01", "84", Map.of(
                        "a", n("mutation", 3, "hors_mutation", 40),
                        "b", n("mutation", 25, "hors_mutation", 60),
                        "c", n("mutation", 30, "hors_mutation", 15)))
                .communeColonnes("01002", "200000001", "01", "84", Map.of(
                        "a", n("mutation", 50, "hors_mutation", 45),
                        "b", n("mutation", 35, "hors_mutation", 70),
                        "c", n("mutation", 20, "hors_mutation", 25)));
        List<RapportTable> t = protegeEtVerifie(essai, "commune 01001 a mutation = 3");
        RapportTable a = table(t, Niveau.COMMUNE, "01001");
        assertNull(cellule(a, "a", "mutation"));
        assertEquals(List.of(), essai.cellulesDevoilees(t));
        assertEquals(138L, cellule(table(t, Niveau.EPCI, "200000001"), "a", "ensemble"), "3 + 40 + 50 + 45, visible");
    }

    @Test
    void theSameDataGivesTheSamePattern() {
        TablesEssai essai = new TablesEssai(ABC, TOUS)
                .commune("01001", "200000001", "01", "84", n("a", 4, "b", 30, "c", 7))
                .commune("01002", "200000001", "01", "84", n("a", 20, "b", 9, "c", 30))
                .commune("01003", "200000002", "01", "84", n("a", 25, "b", 30, "c", 30))
                .commune("39001", "200000002", "39", "27", n("a", 2, "b", 30, "c", 30));
        List<List<RapportTable.Masque>> premiere = essai.proteger().stream().map(RapportTable::masques).toList();
        List<List<RapportTable.Masque>> seconde = essai.proteger().stream().map(RapportTable::masques).toList();
        assertEquals(premiere.stream().map(java.util.Set::copyOf).toList(), seconde.stream().map(java.util.Set::copyOf).toList());
        assertEquals(List.of(), essai.cellulesDevoilees(essai.proteger()));
    }

    @Test
    void anAccountingIdentityBetweenLinesIsTakenIntoAccount() {
        // debut + entrees = sorties + fin (as TAB01-01): with fin = 5 masked alone, 30 + 12 − 37 gives it back.
        DefinitionRapport.Identite identite = new DefinitionRapport.Identite(List.of("debut", "entrees"),
                List.of("sorties", "fin"));
        TablesEssai essai = new TablesEssai(List.of("debut", "entrees", "sorties", "fin"), List.of("n"),
                List.of(Niveau.NATIONAL, Niveau.REGION), false, identite)
                .commune("01001", "200000001", "01", "84", n("debut", 30, "entrees", 12, "sorties", 37, "fin", 5))
                .commune("39001", "200000002", "39", "27", n("debut", 60, "entrees", 25, "sorties", 40, "fin", 45));
        List<RapportTable> t = protegeEtVerifie(essai, "region 84 fin n = 5");
        assertFalse(t.isEmpty());
    }
}
