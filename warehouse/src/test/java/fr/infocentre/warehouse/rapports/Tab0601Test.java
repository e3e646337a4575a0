package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.DemandeList;
import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.GuichetEvolution;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.fixtures.Series06Warehouse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static fr.infocentre.warehouse.fixtures.Series06Warehouse.G1;
import static fr.infocentre.warehouse.fixtures.Series06Warehouse.G2;
import static fr.infocentre.warehouse.fixtures.Series06Warehouse.G3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TAB06-01 on the hand-written extract serie06 (restricted version: exact figures); every expected
 * figure is worked out by hand in src/test/resources/attendus-serie-06.md (the section is named
 * beside each test).
 */
class Tab0601Test {

    /** The columns of TAB06-01.yaml, in display order: the expected rows below list one value each. */
    static final List<String> COLUMNS = List.of("creees", "creees_pgp", "delai_enregistrement",
            "enregistrees_plus_1_mois", "pct_enregistrees_plus_1_mois", "renouvellements", "modifications",
            "attributions_saisies", "delai_saisie", "saisies_plus_30_jours", "pct_saisies_plus_30_jours",
            "radiations_renonciation", "radiations_irrecevabilite", "radiations_absence_reponse",
            "radiations_non_renouvellement", "reactivations", "doublons_forces", "pct_doublons_forces",
            "doublons_potentiels", "incompletes", "pct_completes", "sans_pieces", "pct_avec_pieces",
            "attributions_incompletes", "pct_attributions_incompletes", "stock", "attributions_sur_radiee");

    static final Period Q1 = Period.parse("2025-T1");
    static final Period FEBRUARY = Period.parse("2025-02");

    // section 2
    static final Map<String, Object> Q1_G1 = row(7, 2, 14.9, 2, 28.6, 2, 2, 3, 2.0, 0, 0.0, 1, 0, 1, 2, 1, 1, 14.3, 1,
            1, 85.7, 4, 69.2, 1, 33.3, 13, 0);
    static final Map<String, Object> Q1_G2 = row(4, 1, 0.5, 0, 0.0, 1, 1, 2, 30.5, 1, 50.0, 0, 1, 1, 2, 1, 0, 0.0, 1,
            2, 50.0, 4, 55.6, 0, 0.0, 9, 1);
    static final Map<String, Object> Q1_REF = row(11, 3, 9.6, 2, 18.2, 3, 3, 5, 13.4, 1, 20.0, 1, 1, 2, 4, 2, 1, 9.1, 2,
            3, 72.7, 8, 63.6, 1, 20.0, 22, 1);
    // section 3
    static final Map<String, Object> FEB_G1 = row(3, 1, 10.0, 0, 0.0, 1, 0, 0, null, 0, null, 1, 0, 0, 0, 1, 1, 33.3, 1,
            0, 100.0, 4, 71.4, 0, null, 14, 0);
    static final Map<String, Object> FEB_G2 = row(1, 0, 1.0, 0, 0.0, 0, 0, 1, 31.0, 1, 100.0, 0, 0, 1, 1, 0, 0, 0.0, 1,
            0, 100.0, 2, 71.4, 0, 0.0, 7, 0);
    static final Map<String, Object> FEB_REF = row(4, 1, 7.8, 0, 0.0, 1, 0, 1, 31.0, 1, 100.0, 1, 0, 1, 1, 1, 1, 25.0, 2,
            0, 100.0, 6, 71.4, 0, 0.0, 21, 0);
    // section 5
    static final Map<String, Object> JAN_G1 = row(2, 0, 21.0, 1, 50.0, 0, 1, 2, 1.5, 0, 0.0, 0, 0, 0, 1, 0, 0, 0.0, 3,
            0, 100.0, 3, 72.7, 0, 0.0, 11, 0);
    static final Map<String, Object> MAR_G1 = row(2, 1, 16.0, 1, 50.0, 1, 1, 1, 3.0, 0, 0.0, 0, 0, 1, 1, 0, 0, 0.0, 1,
            1, 50.0, 4, 69.2, 1, 100.0, 13, 0);
    static final Map<String, Object> APR_G1 = row(0, 0, null, 0, null, 0, 0, 0, null, 0, null, 0, 0, 0, 0, 0, 0, null,
            1, 0, null, 4, 69.2, 0, null, 13, 0);

    private static GuichetActivity activity;

    @BeforeAll
    static void open() {
        activity = Series06Warehouse.restricted();
    }

    /** An expected row: one value per column of {@link #COLUMNS}; whole numbers are counts (Long), decimals Double. */
    static Map<String, Object> row(Object... values) {
        assertEquals(COLUMNS.size(), values.length, "one value per column");
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            row.put(COLUMNS.get(i), v instanceof Integer n ? Long.valueOf(n) : v);
        }
        return row;
    }

    private static Set<String> set(String... keys) {
        return new LinkedHashSet<>(Arrays.asList(keys));
    }

    static void same(Map<String, Object> expected, ActivityRow row) {
        assertEquals(COLUMNS, List.copyOf(row.values().keySet()), row.code());
        for (String c : COLUMNS) {
            assertEquals(expected.get(c), row.value(c), row.code() + " " + c);
        }
    }

    @Test
    void theColumnsAreTheDeclaredIndicators() {
        assertEquals(COLUMNS, activity.indicators().stream().map(Indicator::key).toList());
        Set<Integer> numbers = new TreeSet<>();
        activity.indicators().forEach(i -> {
            if (i.numero() != null) {
                numbers.add(i.numero());
            }
        });
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            all.add(i);
        }
        assertEquals(all, List.copyOf(numbers), "the 21 indicators of series 06");
        Indicator pct = activity.indicators().stream().filter(i -> i.key().equals("pct_enregistrees_plus_1_mois"))
                .findFirst().orElseThrow();
        assertEquals("Signalé au-delà de 0 %", pct.threshold());
        assertEquals("enregistrees_plus_1_mois", pct.demandes());
        Indicator delai = activity.indicators().stream().filter(i -> i.key().equals("delai_enregistrement")).findFirst()
                .orElseThrow();
        assertEquals("Signalé au-delà de 5 jours et au-delà de 1,5 fois la valeur du département", delai.threshold());
        assertEquals(LocalDate.of(2025, 4, 10), activity.dataDate());
        assertEquals(LocalDate.of(2024, 1, 1), activity.coveredFrom());
    }

    @Test
    void firstQuarterOfTheAlpesMaritimes() { // section 2
        ActivityTable t = activity.rapport06(Scope.departement("06"), Q1);
        assertEquals(LocalDate.of(2025, 1, 1), t.start());
        assertEquals(LocalDate.of(2025, 3, 31), t.end());
        assertTrue(t.complete());
        assertFalse(t.diffusable());
        assertEquals(LocalDate.of(2025, 4, 10), t.dataDate());
        assertEquals("Alpes-Maritimes", t.scopeName());
        assertEquals(List.of(G1, G2), t.guichets().stream().map(ActivityRow::code).toList(),
                "the closed guichet without activity is not listed, nor Lyon's");
        assertEquals(1, t.references().size());
        ActivityRow g1 = t.guichet(G1).orElseThrow(), g2 = t.guichet(G2).orElseThrow();
        ActivityRow ref = t.references().get(0);
        assertEquals(ActivityRow.Kind.DEPARTEMENT, ref.kind());
        assertEquals("06", ref.code());
        assertEquals("06", g1.departement());
        assertEquals("Azur Habitat", g1.name());
        same(Q1_G1, g1);
        same(Q1_G2, g2);
        same(Q1_REF, ref);
        assertEquals(set("delai_enregistrement", "pct_enregistrees_plus_1_mois", "pct_attributions_incompletes"),
                g1.flagged());
        assertEquals(set("delai_saisie", "pct_saisies_plus_30_jours", "radiations_irrecevabilite", "pct_completes",
                "attributions_sur_radiee"), g2.flagged());
        assertEquals(set("pct_enregistrees_plus_1_mois", "pct_saisies_plus_30_jours", "pct_attributions_incompletes",
                "attributions_sur_radiee"), ref.flagged());
        assertTrue(g1.masked().isEmpty() && g2.masked().isEmpty() && ref.masked().isEmpty(), "exact figures");
        assertTrue(t.notes().contains("Source : SNE, extraction du 10/04/2025."), t.notes().toString());
        assertTrue(t.notes().get(0).startsWith("Activité du 01/01/2025 au 31/03/2025"), t.notes().get(0));
    }

    @Test
    void februaryOfTheAlpesMaritimes() { // section 3
        ActivityTable t = activity.rapport06(Scope.departement("06"), FEBRUARY);
        assertEquals(LocalDate.of(2025, 2, 1), t.start());
        assertEquals(LocalDate.of(2025, 2, 28), t.end());
        same(FEB_G1, t.guichet(G1).orElseThrow());
        same(FEB_G2, t.guichet(G2).orElseThrow());
        same(FEB_REF, t.references().get(0));
        assertEquals(Set.of(), t.guichet(G1).orElseThrow().flagged());
        assertEquals(set("pct_saisies_plus_30_jours", "radiations_absence_reponse", "radiations_non_renouvellement"),
                t.guichet(G2).orElseThrow().flagged());
        assertEquals(set("pct_saisies_plus_30_jours"), t.references().get(0).flagged());
    }

    @Test
    void aGuichetsScopeShowsItsRowAndItsDepartementsReference() { // section 4
        ActivityTable t = activity.rapport06(Scope.guichet(G2), Q1);
        assertEquals("Antibes Logement", t.scopeName());
        assertEquals(List.of(G2), t.guichets().stream().map(ActivityRow::code).toList());
        same(Q1_G2, t.guichets().get(0));
        same(Q1_REF, t.references().get(0));
        assertEquals(t.references().get(0), t.referenceOf(t.guichets().get(0)).orElseThrow());
    }

    @Test
    void theOtherDepartementAndTheRegions() { // section 4
        ActivityTable lyon = activity.rapport06(Scope.departement("69"), Q1);
        assertEquals(List.of(G3), lyon.guichets().stream().map(ActivityRow::code).toList());
        ActivityRow g3 = lyon.guichets().get(0);
        assertEquals(1L, g3.value("creees"));
        assertEquals(1L, g3.value("modifications"), "its act on a demande of 06");
        assertEquals(2L, g3.value("stock"));
        assertEquals(0L, g3.value("doublons_potentiels"), "H-DUP2's other demande is in 06");
        assertEquals(g3.values(), lyon.references().get(0).values());

        ActivityTable auvergne = activity.rapport06(Scope.region("84"), Q1);
        assertEquals(List.of(G3), auvergne.guichets().stream().map(ActivityRow::code).toList());
        assertEquals(List.of(ActivityRow.Kind.DEPARTEMENT, ActivityRow.Kind.REGION),
                auvergne.references().stream().map(ActivityRow::kind).toList());
        assertEquals(g3.values(), auvergne.references().get(1).values());

        ActivityTable paca = activity.rapport06(Scope.region("93"), Q1);
        assertEquals(List.of(G1, G2), paca.guichets().stream().map(ActivityRow::code).toList());
        same(Q1_G1, paca.guichets().get(0));
        same(Q1_REF, paca.references().get(0));
        same(Q1_REF, paca.reference(ActivityRow.Kind.REGION, "93").orElseThrow());
        assertEquals(paca.guichets().get(0).flagged(), activity.rapport06(Scope.departement("06"), Q1)
                .guichet(G1).orElseThrow().flagged(), "a guichet is compared with its département in a région's table too");
        assertEquals(List.of("06"), activity.departements(Scope.region("93")));
        assertEquals(List.of("06"), activity.departements(Scope.guichet(G2)));
        assertEquals(List.of(G1, G2, Series06Warehouse.CLOSED), activity.guichets(Scope.departement("06")).stream()
                .map(g -> g.code()).toList());
        assertEquals("69", activity.guichet(G3).orElseThrow().departement());
        assertEquals("84", activity.guichet(G3).orElseThrow().region());
    }

    @Test
    void theLast12Months() { // section 4
        ActivityTable t = activity.rapport06(Scope.departement("06"), Period.last12Months());
        assertEquals(LocalDate.of(2024, 4, 11), t.start());
        assertEquals(LocalDate.of(2025, 4, 10), t.end());
        assertEquals(15L, t.guichet(G1).orElseThrow().value("creees"));
        assertEquals(13L, t.guichet(G1).orElseThrow().value("stock"));
        assertEquals(7L, t.guichet(G2).orElseThrow().value("creees"));
        assertEquals(9L, t.guichet(G2).orElseThrow().value("stock"));
        assertEquals(22L, t.references().get(0).value("creees"));
        assertEquals(22L, t.references().get(0).value("stock"));
    }

    @Test
    void aMonthInProgressIsCountedToTheExtractionDateAndSaysSo() { // section 5, April
        ActivityTable t = activity.rapport06(Scope.departement("06"), Period.parse("2025-04"));
        assertFalse(t.complete());
        assertEquals(LocalDate.of(2025, 4, 10), t.end());
        same(APR_G1, t.guichet(G1).orElseThrow());
        assertTrue(t.notes().contains("Période en cours : activité comptée jusqu'au 10/04/2025, date d'extraction."),
                t.notes().toString());
    }

    // ---- the demandes behind each indicator (section 2) ----

    /** G1's and G2's units of each count column in 2025-T1, as worked out by hand. */
    private static final Map<String, List<String>> UNITS_G1 = new LinkedHashMap<>();
    private static final Map<String, List<String>> UNITS_G2 = new LinkedHashMap<>();

    static {
        UNITS_G1.put("creees", List.of("06-A11", "06-A12", "06-A13", "06-A14", "06-A15", "06-A16", "06-A19"));
        UNITS_G1.put("creees_pgp", List.of("06-A13", "06-A15"));
        UNITS_G1.put("enregistrees_plus_1_mois", List.of("06-A12", "06-A16"));
        UNITS_G1.put("renouvellements", List.of("06-A01", "06-B02"));
        UNITS_G1.put("modifications", List.of("06-A02", "06-A11"));
        UNITS_G1.put("attributions_saisies", List.of("06-A08", "06-A09", "06-A10"));
        UNITS_G1.put("saisies_plus_30_jours", List.of());
        UNITS_G1.put("radiations_renonciation", List.of("06-A06"));
        UNITS_G1.put("radiations_irrecevabilite", List.of());
        UNITS_G1.put("radiations_absence_reponse", List.of("06-A07"));
        UNITS_G1.put("radiations_non_renouvellement", List.of("06-A04", "06-A05"));
        UNITS_G1.put("reactivations", List.of("06-A05"));
        UNITS_G1.put("doublons_forces", List.of("06-A14"));
        UNITS_G1.put("doublons_potentiels", List.of("06-A03"));
        UNITS_G1.put("incompletes", List.of("06-A15"));
        UNITS_G1.put("sans_pieces", List.of("06-A02", "06-A12", "06-A14", "06-A15"));
        UNITS_G1.put("attributions_incompletes", List.of("06-A10"));
        UNITS_G1.put("stock", List.of("06-A01", "06-A02", "06-A03", "06-A05", "06-A11", "06-A12", "06-A13", "06-A14",
                "06-A15", "06-A16", "06-A17", "06-A18", "06-A19"));
        UNITS_G1.put("attributions_sur_radiee", List.of());

        UNITS_G2.put("creees", List.of("06-B09", "06-B10", "06-B11", "06-B12"));
        UNITS_G2.put("creees_pgp", List.of("06-B11"));
        UNITS_G2.put("enregistrees_plus_1_mois", List.of());
        UNITS_G2.put("renouvellements", List.of("06-B13"));
        UNITS_G2.put("modifications", List.of("06-B11"));
        UNITS_G2.put("attributions_saisies", List.of("06-B07", "06-B08"));
        UNITS_G2.put("saisies_plus_30_jours", List.of("06-B08"));
        UNITS_G2.put("radiations_renonciation", List.of());
        UNITS_G2.put("radiations_irrecevabilite", List.of("06-B04"));
        UNITS_G2.put("radiations_absence_reponse", List.of("06-B05"));
        UNITS_G2.put("radiations_non_renouvellement", List.of("06-B01", "06-B06"));
        UNITS_G2.put("reactivations", List.of("06-B06"));
        UNITS_G2.put("doublons_forces", List.of());
        UNITS_G2.put("doublons_potentiels", List.of("06-B03"));
        UNITS_G2.put("incompletes", List.of("06-B10", "06-B12"));
        UNITS_G2.put("sans_pieces", List.of("06-B03", "06-B10", "06-B12", "06-B14"));
        UNITS_G2.put("attributions_incompletes", List.of());
        UNITS_G2.put("stock", List.of("06-B02", "06-B03", "06-B06", "06-B09", "06-B10", "06-B11", "06-B12", "06-B13",
                "06-B14"));
        UNITS_G2.put("attributions_sur_radiee", List.of("06-B07"));
    }

    @Test
    void theListBehindEveryIndicatorHoldsTheUnitsItsCountCounts() {
        ActivityTable t = activity.rapport06(Scope.departement("06"), Q1);
        for (Map.Entry<String, Map<String, List<String>>> g : Map.of(G1, UNITS_G1, G2, UNITS_G2).entrySet()) {
            ActivityRow row = t.guichet(g.getKey()).orElseThrow();
            for (Indicator i : activity.indicators()) {
                DemandeList list = activity.demandesBehind(i.key(), g.getKey(), Q1, 1000);
                List<String> expected = g.getValue().get(i.demandes());
                String what = g.getKey() + " " + i.key();
                assertEquals(expected, list.rows().stream().map(r -> (String) r.get("numero_unique")).toList(), what);
                assertEquals(expected.size(), list.total(), what);
                assertFalse(list.truncated(), what);
                assertEquals("numero_unique", list.fields().get(0).key(), what);
                if (i.type() == fr.infocentre.warehouse.Column.Type.COUNT) {
                    assertEquals((long) expected.size(), row.value(i.key()), what + ": the list is what the count counts");
                } else {
                    assertEquals((long) expected.size(), row.value(i.demandes()), what + ": the units of " + i.demandes());
                }
                for (Map<String, Object> r : list.rows()) {
                    assertEquals(list.fields().stream().map(DemandeList.Field::key).toList(), List.copyOf(r.keySet()), what);
                }
            }
        }
    }

    @Test
    void theListsHoldTheFieldsThatExplainTheFlags() {
        DemandeList late = activity.demandesBehind("pct_enregistrees_plus_1_mois", G1, Q1, 10);
        assertEquals(List.of("numero_unique", "canal", "date_depot", "date_enregistrement", "delai_jours"),
                late.fields().stream().map(DemandeList.Field::key).toList());
        assertEquals(Map.of("numero_unique", "06-A12", "canal", "GUICHET", "date_depot", LocalDate.of(2024, 12, 2),
                "date_enregistrement", LocalDate.of(2025, 1, 13), "delai_jours", 42L), late.rows().get(0));
        assertEquals(29L, late.rows().get(1).get("delai_jours"));
        assertEquals("Délai (jours)", late.fields().get(4).label());

        DemandeList complete = activity.demandesBehind("pct_completes", G2, Q1, 10);
        assertEquals(List.of("typologie", "revenu_mensuel, commune_residence"),
                complete.rows().stream().map(r -> r.get("champs_vides")).toList());
        DemandeList radiee = activity.demandesBehind("attributions_sur_radiee", G2, Q1, 10);
        assertEquals(Map.of("numero_unique", "06-B07", "date_bail", LocalDate.of(2025, 2, 3),
                "date_radiation_anterieure", LocalDate.of(2024, 11, 20), "motif_radiation_anterieure", "RENONCIATION"),
                radiee.rows().get(0));
        DemandeList doublons = activity.demandesBehind("doublons_potentiels", G1, Q1, 10);
        assertEquals(Map.of("numero_unique", "06-A03", "id_demandeur", "H-DUP1", "autres_demandes", "06-B03"),
                doublons.rows().get(0));
        DemandeList renewals = activity.demandesBehind("renouvellements", G1, Q1, 10);
        assertEquals(List.of(G1, G2), renewals.rows().stream().map(r -> r.get("guichet_demande")).toList(),
                "a renewal by G1 of a demande of G2 is G1's act");
        DemandeList saisie = activity.demandesBehind("delai_saisie", G2, Q1, 10);
        assertEquals(List.of(30L, 31L), saisie.rows().stream().map(r -> r.get("delai_jours")).toList());
        DemandeList incompletes = activity.demandesBehind("pct_attributions_incompletes", G1, Q1, 10);
        assertEquals("identifiant_rpls", incompletes.rows().get(0).get("champs_vides"));
        DemandeList pieces = activity.demandesBehind("pct_avec_pieces", G1, Q1, 10);
        assertEquals(List.of(0L, 0L, 0L, 0L), pieces.rows().stream().map(r -> r.get("nb_pieces")).toList());
        DemandeList nonRenewed = activity.demandesBehind("radiations_non_renouvellement", G1, FEBRUARY, 10);
        assertEquals(0, nonRenewed.total());
    }

    @Test
    void aListIsCutAtItsLimitAndSaysHowManyThereAre() {
        DemandeList stock = activity.demandesBehind("stock", G1, Q1, 2);
        assertEquals(List.of("06-A01", "06-A02"), stock.rows().stream().map(r -> r.get("numero_unique")).toList());
        assertEquals(13, stock.total());
        assertTrue(stock.truncated());
        DemandeList february = activity.demandesBehind("creees", G1, FEBRUARY, 100);
        assertEquals(List.of("06-A13", "06-A14", "06-A19"), february.rows().stream().map(r -> r.get("numero_unique")).toList());
    }

    // ---- the evolution of a guichet (section 5) ----

    @Test
    void aGuichetsLast12Months() {
        GuichetEvolution e = activity.evolution(G1, Optional.empty(), 12);
        assertEquals(List.of("2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12",
                "2025-01", "2025-02", "2025-03", "2025-04"), e.months().stream().map(m -> m.period().key()).toList());
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 2L, 3L, 2L, 0L), column(e, "creees"));
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 11L, 11L, 14L, 13L, 13L), column(e, "stock"));
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L, 0L, 1L, 0L), column(e, "attributions_saisies"));
        GuichetEvolution.Month january = e.months().get(8), february = e.months().get(9), march = e.months().get(10),
                april = e.months().get(11);
        same(JAN_G1, january.guichet());
        same(FEB_G1, february.guichet());
        same(MAR_G1, march.guichet());
        same(APR_G1, april.guichet());
        assertEquals(set("pct_enregistrees_plus_1_mois"), january.guichet().flagged());
        assertEquals(Set.of(), february.guichet().flagged());
        assertEquals(set("delai_enregistrement", "pct_enregistrees_plus_1_mois", "pct_attributions_incompletes"),
                march.guichet().flagged());
        assertEquals(19L, january.reference().value("stock"));
        assertEquals(3L, january.reference().value("creees"));
        assertEquals(14.3, january.reference().value("delai_enregistrement"));
        assertEquals(4L, january.reference().value("doublons_potentiels"));
        assertEquals(73.7, january.reference().value("pct_avec_pieces"));
        same(FEB_REF, february.reference());
        assertEquals(22L, march.reference().value("stock"));
        assertEquals(8.0, march.reference().value("delai_enregistrement"));
        assertEquals(16.5, march.reference().value("delai_saisie"));
        assertEquals(25.0, march.reference().value("pct_completes"));
        assertTrue(march.complete());
        assertFalse(april.complete());
        assertEquals(LocalDate.of(2025, 4, 10), april.end());
    }

    @Test
    void theEvolutionOfOneIndicator() {
        GuichetEvolution e = activity.evolution(G2, Optional.of("stock"), 3);
        assertEquals(List.of("stock"), e.indicators().stream().map(Indicator::key).toList());
        assertEquals(List.of("2025-02", "2025-03", "2025-04"), e.months().stream().map(m -> m.period().key()).toList());
        assertEquals(List.of(7L, 9L, 9L), column(e, "stock"));
        assertEquals(Set.of("stock"), e.months().get(0).guichet().values().keySet());
        assertNull(e.months().get(0).guichet().value("creees"));
    }

    private static List<Object> column(GuichetEvolution e, String key) {
        return e.months().stream().map(m -> m.guichet().value(key)).toList();
    }
}
