package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.DoublonsDiffusables;
import fr.infocentre.warehouse.DoublonsEtBilans;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.Semestre;
import fr.infocentre.warehouse.fixtures.DoublonsWarehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static fr.infocentre.warehouse.fixtures.DoublonsWarehouse.G1;
import static fr.infocentre.warehouse.fixtures.DoublonsWarehouse.G2;
import static fr.infocentre.warehouse.fixtures.DoublonsWarehouse.G3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures of the semestrial bilan on the hand-written extract "doublons" ({@code attendus-doublons-bilan.md},
 * sections 3 and 4): the semesters offered and refused, the key figures of the Alpes-Maritimes (exact figures worked
 * out by hand, every count from 1 to 10 masked, the masks of a semester the same in every bilan showing it), and the
 * doublons per guichet on a semester's last day.
 */
class DoublonsBilanTest {

    private static final List<String> LINES = List.of("STOCK_DEBUT", "NOUVELLES", "REACTIVATIONS", "RADIATION_ATTRIBUTION",
            "RADIATION_RENONCIATION", "RADIATION_ABSENCE_REPONSE", "RADIATION_IRRECEVABILITE",
            "RADIATION_NON_RENOUVELLEMENT", "RADIATION_FUSION", "STOCK_FIN");
    /** The exact figures of the Alpes-Maritimes by semester, in the order of {@link #LINES} (attendus, section 3). */
    static final Map<String, long[]> EXACT = new LinkedHashMap<>();

    static {
        EXACT.put("2024-S1", new long[]{72, 15, 0, 12, 0, 0, 0, 0, 0, 75});
        EXACT.put("2024-S2", new long[]{75, 12, 0, 0, 0, 1, 0, 3, 0, 83});
        EXACT.put("2025-S1", new long[]{83, 14, 1, 13, 3, 0, 0, 0, 0, 82});
    }

    private static RestrictedWarehouse warehouse;
    private static DoublonsEtBilans bilans;

    @BeforeAll
    static void open() {
        warehouse = DoublonsWarehouse.restricted();
        bilans = warehouse.doublonsEtBilans();
    }

    @Test
    void semestersAreReadFromTheirKeys() {
        Semestre s = Semestre.parse("2026-S1");
        assertEquals(new Semestre(2026, 1), s);
        assertEquals(LocalDate.of(2026, 1, 1), s.start());
        assertEquals(LocalDate.of(2026, 6, 30), s.end());
        assertEquals("1er semestre 2026", s.label());
        assertEquals("2e semestre 2025 (du 01/07/2025 au 31/12/2025)", s.minus(1).longLabel());
        assertEquals(new Semestre(2025, 1), s.minus(2));
        assertEquals(2025, s.rapport06Year());
        assertEquals(2026, Semestre.parse(" 2026-S2 ").rapport06Year());
        assertEquals("2026-S2", Semestre.of(LocalDate.of(2026, 7, 1)).key());
        for (String key : List.of("2026-S3", "2026-S0", "2026-1", "2026", "S1-2026", "")) {
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> Semestre.parse(key), key);
            assertEquals(InvalidRequest.Cause.INVALID_PERIOD, e.motif());
        }
    }

    @Test
    void aSemesterNotEndedOrNotCoveredIsRefusedSayingWhy() {
        assertEquals(List.of("2025-S1", "2024-S2", "2024-S1"), bilans.semestres().stream().map(Semestre::key).toList());
        InvalidRequest running = assertThrows(InvalidRequest.class, () -> bilans.semestre("2025-S2"));
        assertEquals(InvalidRequest.Cause.INVALID_PERIOD, running.motif());
        assertEquals("Semestre 2025-S2 non achevé : les données s'arrêtent à l'extraction du 10/08/2025 (le bilan porte"
                + " sur un semestre achevé ; dernier semestre achevé : 2025-S1)", running.getMessage());
        assertTrue(assertThrows(InvalidRequest.class, () -> bilans.semestre("2026-S1")).getMessage().contains("non achevé"));
        assertEquals("Semestre 2023-S2 non couvert : l'historique conservé commence le 01/01/2024",
                assertThrows(InvalidRequest.class, () -> bilans.semestre("2023-S2")).getMessage());
        assertThrows(InvalidRequest.class, () -> bilans.chiffresCles("06", new Semestre(2025, 2)));
        assertThrows(InvalidRequest.class, () -> bilans.doublonsDiffusables("06", new Semestre(2023, 1)));
        assertEquals(InvalidRequest.Cause.UNKNOWN_TERRITOIRE,
                assertThrows(InvalidRequest.class, () -> bilans.chiffresCles("13", new Semestre(2025, 1))).motif());
    }

    @Test
    void theKeyFiguresAreTheExactOnesWithEveryCountFromOneToTenMasked() {
        RapportTable t = bilans.chiffresCles("06", bilans.semestre("2025-S1"));
        assertEquals(List.of("categorie", "semestre", "semestre_precedent", "un_an_avant", "evolution_semestre",
                "evolution_un_an"), t.columns().stream().map(Column::key).toList());
        assertEquals(List.of("Chiffre clé", "1er semestre 2025", "2e semestre 2024", "1er semestre 2024 (un an avant)",
                "Évolution sur un semestre (%)", "Évolution sur un an (%)"), t.columns().stream().map(Column::label).toList());
        assertEquals(LINES, t.lines().stream().map(l -> l.get("cle")).toList());
        assertNull(t.total(), "a flow has no total line");
        checkCounts(t, Map.of("semestre", "2025-S1", "semestre_precedent", "2024-S2", "un_an_avant", "2024-S1"));
        assertEquals(Set.of("REACTIVATIONS/semestre", "RADIATION_RENONCIATION/semestre",
                        "RADIATION_ABSENCE_REPONSE/semestre_precedent", "RADIATION_NON_RENOUVELLEMENT/semestre_precedent"),
                countMasks(t), "the four counts from 1 to 10: the identity of each column leaves them two unknowns");
        Map<String, Object> fin = line(t, "STOCK_FIN");
        assertEquals(-1.2, fin.get("evolution_semestre"), "(82 − 83) / 83");
        assertEquals(9.3, fin.get("evolution_un_an"), "(82 − 75) / 75");
        Map<String, Object> nouvelles = line(t, "NOUVELLES");
        assertEquals(16.7, nouvelles.get("evolution_semestre"), "(14 − 12) / 12");
        assertEquals(-6.7, nouvelles.get("evolution_un_an"), "(14 − 15) / 15");
        assertEquals(8.3, line(t, "RADIATION_ATTRIBUTION").get("evolution_un_an"), "(13 − 12) / 12");
        assertNull(line(t, "RADIATION_ATTRIBUTION").get("evolution_semestre"), "from 0: does not exist");
        assertFalse(t.mask(line(t, "RADIATION_ATTRIBUTION"), "evolution_semestre"));
        for (String masked : List.of("REACTIVATIONS", "RADIATION_RENONCIATION")) {
            assertTrue(t.mask(line(t, masked), "evolution_semestre") && t.mask(line(t, masked), "evolution_un_an"),
                    "a change is masked with its count: " + masked);
        }
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("Mouvements du 1er semestre 2025 (du 01/01/2025 au 30/06/2025)")));
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("Hors associations")), "D06-M01 and D06-M02 left out");
        assertTrue(t.notes().contains("Source : SNE, extraction du 10/08/2025."));
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("s : secret statistique")));
    }

    @Test
    void aColumnTheDataDoesNotCoverIsLeftOutWithANote() {
        RapportTable s2 = bilans.chiffresCles("06", bilans.semestre("2024-S2"));
        assertEquals(List.of("categorie", "semestre", "semestre_precedent", "evolution_semestre"),
                s2.columns().stream().map(Column::key).toList());
        checkCounts(s2, Map.of("semestre", "2024-S2", "semestre_precedent", "2024-S1"));
        assertEquals(-100.0, line(s2, "RADIATION_ATTRIBUTION").get("evolution_semestre"));
        assertTrue(s2.notes().contains("Le 2e semestre 2023 n'est pas couvert par les données (historique conservé à"
                + " partir du 01/01/2024) : sa colonne et l'évolution qui s'y rapporte ne sont pas données."));
        RapportTable s1 = bilans.chiffresCles("06", bilans.semestre("2024-S1"));
        assertEquals(List.of("categorie", "semestre"), s1.columns().stream().map(Column::key).toList());
        checkCounts(s1, Map.of("semestre", "2024-S1"));
        assertEquals(Set.of(), countMasks(s1), "no count from 1 to 10 in the first semester of 2024");
    }

    @Test
    void aSemesterShowsTheSameFiguresAndMasksInEveryBilanThatRepeatsIt() {
        Map<String, RapportTable> byKey = new LinkedHashMap<>();
        for (String k : EXACT.keySet()) {
            byKey.put(k, bilans.chiffresCles("06", bilans.semestre(k)));
        }
        RapportTable last = byKey.get("2025-S1");
        for (String line : LINES) {
            assertEquals(line(byKey.get("2024-S2"), line).get("semestre"), line(last, line).get("semestre_precedent"), line);
            assertEquals(line(byKey.get("2024-S1"), line).get("semestre"), line(last, line).get("un_an_avant"), line);
            assertEquals(line(byKey.get("2024-S1"), line).get("semestre"), line(byKey.get("2024-S2"), line)
                    .get("semestre_precedent"), line);
        }
        assertEquals(masksOf(byKey.get("2024-S2"), "semestre"), masksOf(last, "semestre_precedent"));
        assertEquals(masksOf(byKey.get("2024-S1"), "semestre"), masksOf(last, "un_an_avant"));
    }

    @Test
    void theIdentityOfEachColumnHoldsOnTheExactFigures() {
        for (Map.Entry<String, long[]> e : EXACT.entrySet()) {
            long[] v = e.getValue();
            assertEquals(v[0] + v[1] + v[2], Arrays.stream(v, 3, 10).sum(), e.getKey());
        }
    }

    @Test
    void theDoublonsOfThirtyJuneAreProtectedWithTheGuichetsAsPartsOfTheirDepartement() {
        DoublonsDiffusables d = bilans.doublonsDiffusables("06", bilans.semestre("2025-S1"));
        assertEquals(LocalDate.of(2025, 6, 30), d.date());
        assertEquals(List.of(G1, G2, G3), d.guichets().stream().map(DoublonsDiffusables.Row::code).toList());
        assertEquals(new DoublonsDiffusables.Row(G1, "Azur Habitat", 12L, false), d.guichets().get(0));
        assertTrue(d.guichets().get(1).masked() && d.guichets().get(1).n() == null, "2 doublons at Antibes Logement");
        assertTrue(d.guichets().get(2).masked(), "2 at the Mairie de Cannes");
        assertEquals(new DoublonsDiffusables.Row("06", "Alpes-Maritimes", 16L, false), d.total(),
                "16 − 12 = 4 leaves 2 + 2 unknown: neither is pinned");
        DoublonsDiffusables var = bilans.doublonsDiffusables("83", bilans.semestre("2025-S1"));
        assertTrue(var.total().masked() && var.guichets().get(0).masked(), "1 doublon in the Var");
    }

    @Test
    void theDoublonsOfThirtyOneDecemberAreRapport06sDiffusableColumn() {
        DoublonsDiffusables d = bilans.doublonsDiffusables("06", bilans.semestre("2024-S2"));
        assertEquals(LocalDate.of(2024, 12, 31), d.date());
        ActivityTable diffusable = warehouse.activity().diffusable(Scope.departement("06"), Period.year(2024));
        ActivityTable exact = warehouse.activity().rapport06(Scope.departement("06"), Period.year(2024));
        for (DoublonsDiffusables.Row row : d.guichets()) {
            ActivityRow r = diffusable.guichet(row.code()).orElseThrow();
            assertEquals(r.masked("doublons_potentiels"), row.masked(), row.code());
            assertEquals(r.value("doublons_potentiels") == null ? null : ((Number) r.value("doublons_potentiels")).longValue(),
                    row.n(), row.code());
        }
        // by hand: B06001 3 (D06-A06, D06-Y01, D06-A08), B06002 3 (D06-A21, D06-A22, D06-R201), C06003 2: all masked
        Map<String, Long> byHand = Map.of(G1, 3L, G2, 3L, G3, 2L);
        byHand.forEach((g, n) -> assertEquals(n, ((Number) exact.guichet(g).orElseThrow().value("doublons_potentiels"))
                .longValue(), g));
        assertTrue(d.guichets().stream().allMatch(DoublonsDiffusables.Row::masked));
        assertTrue(d.total().masked(), "8 in all");
        DoublonsDiffusables june = bilans.doublonsDiffusables("06", bilans.semestre("2024-S1"));
        assertEquals(LocalDate.of(2024, 6, 30), june.date());
        assertTrue(june.guichets().stream().allMatch(DoublonsDiffusables.Row::masked) && june.total().masked(), "3, 3, 2; 8");
    }

    // ---- helpers ----

    /** Every count cell shown is the exact figure, and every exact figure from 1 to 10 is masked. */
    private static void checkCounts(RapportTable t, Map<String, String> semesterOfColumn) {
        semesterOfColumn.forEach((column, semester) -> {
            long[] exact = EXACT.get(semester);
            for (int i = 0; i < LINES.size(); i++) {
                Map<String, Object> l = line(t, LINES.get(i));
                String what = semester + " " + LINES.get(i) + " (" + column + ")";
                if (t.mask(l, column)) {
                    assertNull(l.get(column), what);
                } else {
                    assertEquals(exact[i], ((Number) l.get(column)).longValue(), what);
                }
                if (exact[i] >= 1 && exact[i] <= 10) {
                    assertTrue(t.mask(l, column), "a count from 1 to 10 is masked: " + what);
                }
            }
        });
    }

    private static Set<String> countMasks(RapportTable t) {
        Set<String> masks = new TreeSet<>();
        for (RapportTable.Mask m : t.masks()) {
            if (List.of("semestre", "semestre_precedent", "un_an_avant").contains(m.column())) {
                masks.add(m.line() + "/" + m.column());
            }
        }
        return masks;
    }

    private static Set<String> masksOf(RapportTable t, String column) {
        Set<String> lines = new TreeSet<>();
        t.masks().stream().filter(m -> m.column().equals(column)).forEach(m -> lines.add(m.line()));
        return lines;
    }

    private static Map<String, Object> line(RapportTable t, String key) {
        return t.lines().stream().filter(l -> key.equals(l.get("cle"))).findFirst().orElseThrow();
    }
}
