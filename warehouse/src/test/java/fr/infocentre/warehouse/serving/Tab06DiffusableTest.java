package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.audit.Attacker;
import fr.infocentre.warehouse.audit.JointAudit;
import fr.infocentre.warehouse.audit.PublicView;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.fixtures.Series06Warehouse;
import fr.infocentre.warehouse.secret.LinkedTables;
import fr.infocentre.warehouse.secret.MaskingPattern;
import fr.infocentre.warehouse.secret.SecondarySuppression;
import fr.infocentre.warehouse.secret.SecretStatistique;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.infocentre.warehouse.fixtures.Series06Warehouse.G1;
import static fr.infocentre.warehouse.fixtures.Series06Warehouse.G2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diffusable version of TAB06-01: the same protection step as the public rapports
 * (SecretStatistique over linked tables whose leaves are the guichets), on the hand-written
 * extract serie06 (year 2024) and on a generated extract of three départements (year 2024, many
 * guichets, counts of every size): no count from 1 to 10 shown, masked cells null and listed, every
 * figure shown equal to the exact one, rates and means masked with their counts, flags only where
 * what they read is shown, and the project's attacker (per rapport, and jointly for the rapports of
 * one total figure) pins no masked count.
 */
class Tab06DiffusableTest {

    private static final Period YEAR = Period.year(2024);
    private static DuckDbGuichetActivity generated;

    @BeforeAll
    static void open() {
        generated = DuckDbGuichetActivity.open(GeneratedWarehouse.folder());
    }

    @AfterAll
    static void close() {
        generated.close();
    }

    @Test
    void onTheHandWrittenExtractNoSmallCountIsShownNorRecoverable() {
        DuckDbGuichetActivity a = Series06Warehouse.activity();
        for (Scope scope : List.of(Scope.departement("06"), Scope.region("93"), Scope.departement("69"),
                Scope.guichet(G2))) {
            ActivityTable d = a.diffusable(scope, YEAR);
            ActivityTable exact = a.rapport06(scope, YEAR);
            checkProtected(d, exact, a);
        }
        ActivityTable d = a.diffusable(Scope.departement("06"), YEAR);
        assertEquals(List.of(G1, G2, Series06Warehouse.CLOSED), d.guichets().stream().map(ActivityRow::code).toList(),
                "every guichet of the scope: which are listed says nothing of their counts");
        // 2024 by hand: G2 registered 10 demandes (B01-B08, B13, B14), G1 12 (A01-A10, A17, A18), the
        // closed guichet none: département 22. Masking G2's 10 alone, 22 − 12 would give it back.
        ActivityRow g1 = d.guichet(G1).orElseThrow(), g2 = d.guichet(G2).orElseThrow();
        ActivityRow closed = d.guichet(Series06Warehouse.CLOSED).orElseThrow(), ref = d.references().get(0);
        assertTrue(g2.masked("creees"));
        assertTrue(g1.masked("creees") || ref.masked("creees") || closed.masked("creees"),
                "reference line − the other guichets must not give G2's count back");
        assertEquals(List.of(), disclosed(a.protect(YEAR)));
    }

    @Test
    void onAGeneratedExtractNoSmallCountIsShownNorRecoverable() {
        List<String> departements = generated.territoires(Level.DEPARTEMENT).stream().map(Territoire::code).toList();
        assertEquals(GeneratedWarehouse.DEPARTEMENTS, departements);
        long[] shown = new long[2], masked = new long[2];
        for (String code : departements) {
            ActivityTable d = generated.diffusable(Scope.departement(code), YEAR);
            ActivityTable exact = generated.rapport06(Scope.departement(code), YEAR);
            checkProtected(d, exact, generated);
            for (ActivityRow row : rows(d)) {
                for (Indicator i : d.indicators()) {
                    if (i.type() == Column.Type.COUNT) {
                        ActivityRow truth = row.kind() == ActivityRow.Kind.GUICHET ? exact.guichet(row.code()).orElse(null)
                                : exact.reference(row.kind(), row.code()).orElseThrow();
                        long n = truth == null ? 0 : (Long) truth.value(i.key()); // a guichet the exact table omits: no unit
                        int small = n >= 1 && n <= 10 ? 0 : 1;
                        (row.masked(i.key()) ? masked : shown)[small]++;
                    }
                }
            }
        }
        assertEquals(0, shown[0], "no count from 1 to 10 shown");
        assertTrue(masked[0] > 20, "counts from 1 to 10 met and masked: " + masked[0]);
        assertTrue(shown[1] > 100, "other counts shown: " + shown[1]);
        assertTrue(masked[1] > 0, "complementary cells masked: " + masked[1]);
        checkProtected(generated.diffusable(Scope.region("76"), YEAR), generated.rapport06(Scope.region("76"), YEAR),
                generated);
        assertEquals(List.of(), disclosed(generated.protect(YEAR)));
    }

    @Test
    void theAttackerWouldFindWhatPrimarySuppressionAloneLeaves() {
        // the same linked tables with the counts from 1 to 10 masked and nothing else: G2's 10
        // demandes créées in 2024 come back as the département's 22 − G1's 12 (attendus-serie-06.md)
        DuckDbGuichetActivity.Protected p = Series06Warehouse.activity().protect(YEAR);
        List<List<RapportTable>> primaryOnly = new ArrayList<>();
        for (int m = 0; m < p.members().size(); m++) {
            RapportDefinition def = p.members().get(m);
            LinkedTables linked = LinkedTables.build(def, p.computed().get(m), Set.copyOf(def.rapport().levels()),
                    p.memberships());
            SecondarySuppression.Result complete = SecondarySuppression.choosePattern(linked);
            MaskingPattern pattern = MaskingPattern.since(linked, new SecondarySuppression.Result(complete.primary(),
                    complete.primary(), List.of(), List.of()));
            primaryOnly.add(p.computed().get(m).stream().map(t -> SecretStatistique.protect(t, pattern)).toList());
        }
        List<String> disclosed = disclosed(new DuckDbGuichetActivity.Protected(p.members(), p.computed(), primaryOnly,
                p.memberships(), p.exact()));
        assertTrue(disclosed.contains("TAB06-01/creees/creees_pgp B06002 total = 10"), disclosed.toString());
    }

    @Test
    void everyScopeShowsTheSamePattern() {
        DuckDbGuichetActivity a = generated;
        ActivityTable region = a.diffusable(Scope.region("76"), YEAR);
        for (String code : List.of("12", "48")) {
            ActivityTable dep = a.diffusable(Scope.departement(code), YEAR);
            for (ActivityRow row : dep.guichets()) {
                ActivityRow same = region.guichet(row.code()).orElseThrow();
                assertEquals(row.values(), same.values(), row.code());
                assertEquals(row.masked(), same.masked(), row.code());
                ActivityRow alone = a.diffusable(Scope.guichet(row.code()), YEAR).guichets().get(0);
                assertEquals(row.masked(), alone.masked(), row.code());
            }
            assertEquals(dep.references().get(0), region.reference(ActivityRow.Kind.DEPARTEMENT, code).orElseThrow());
        }
    }

    @Test
    void theDiffusableVersionSaysSoAndIsOfferedForCompleteYearsOnly() {
        DuckDbGuichetActivity a = Series06Warehouse.activity();
        ActivityTable d = a.diffusable(Scope.departement("06"), YEAR);
        assertTrue(d.diffusable());
        assertTrue(d.notes().contains(SecretStatistique.NOTE), d.notes().toString());
        assertTrue(d.notes().contains(DuckDbGuichetActivity.DIFFUSABLE_NOTE), d.notes().toString());
        assertFalse(d.notes().contains(DuckDbGuichetActivity.EXACT_NOTE));
        assertTrue(a.rapport06(Scope.departement("06"), YEAR).notes().contains(DuckDbGuichetActivity.EXACT_NOTE));
        assertEquals(List.of(Period.Kind.ANNEE), a.diffusablePeriods());
        InvalidRequest quarter = assertThrows(InvalidRequest.class, () -> a.diffusable(Scope.departement("06"),
                Period.parse("2025-T1")));
        assertTrue(quarter.getMessage().contains("annee"), quarter.getMessage());
        InvalidRequest running = assertThrows(InvalidRequest.class, () -> a.diffusable(Scope.departement("06"),
                Period.year(2025)));
        assertTrue(running.getMessage().contains("en cours"), running.getMessage());
        InvalidRequest before = assertThrows(InvalidRequest.class, () -> a.diffusable(Scope.departement("06"),
                Period.year(2023)));
        assertTrue(before.getMessage().contains("01/01/2024"), before.getMessage());
    }

    private static List<ActivityRow> rows(ActivityTable t) {
        List<ActivityRow> rows = new ArrayList<>(t.guichets());
        rows.addAll(t.references());
        return rows;
    }

    /**
     * Every property of the protected table against the exact one: small counts masked, masked
     * cells null, shown cells exact, derived figures masked with their sources, flags resting on
     * shown cells only and among the exact flags.
     */
    private static void checkProtected(ActivityTable d, ActivityTable exact, DuckDbGuichetActivity a) {
        assertTrue(d.diffusable());
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        d.indicators().forEach(i -> indicators.put(i.key(), i));
        for (ActivityRow row : rows(d)) {
            ActivityRow truth = row.kind() == ActivityRow.Kind.GUICHET
                    ? exact.guichet(row.code()).orElse(null) : exact.reference(row.kind(), row.code()).orElseThrow();
            for (Indicator i : d.indicators()) {
                String what = d.scope() + " " + row.kind() + " " + row.code() + " " + i.key();
                Object value = row.value(i.key());
                Object exactValue = truth == null ? (i.type() == Column.Type.COUNT ? 0L : null) : truth.value(i.key());
                if (row.masked(i.key())) {
                    assertNull(value, what);
                } else {
                    assertEquals(exactValue, value, what + ": shown as it is");
                    if (i.type() == Column.Type.COUNT) {
                        long n = (Long) value;
                        assertFalse(n >= 1 && n <= SecretStatistique.MAX_THRESHOLD, what + " = " + n);
                    }
                }
                if (i.type() != Column.Type.COUNT) {
                    var column = a.definition().column(i.key()).orElseThrow();
                    List<String> sources = column.ratio() != null ? column.ratio() : List.of(column.meanOf());
                    if (sources.stream().anyMatch(row::masked)) {
                        assertTrue(row.masked(i.key()), what + ": masked with " + sources);
                    }
                }
            }
            if (truth != null) {
                assertTrue(truth.flagged().containsAll(row.flagged()), row.code() + " " + row.flagged());
            }
            for (String f : row.flagged()) {
                assertFalse(row.masked(f), row.code() + " flag " + f + " on a masked cell");
            }
        }
    }

    /**
     * The attacker on everything the diffusable version of a period publishes: each member rapport
     * alone (PublicView + Attacker), and the rapports of one total figure jointly (JointAudit): the
     * masked counts from 1 to 10 pinned.
     */
    private static List<String> disclosed(DuckDbGuichetActivity.Protected p) {
        List<String> disclosed = new ArrayList<>();
        Map<String, RapportDefinition> families = new LinkedHashMap<>();
        Map<String, List<RapportTable>> published = new LinkedHashMap<>();
        for (int m = 0; m < p.members().size(); m++) {
            RapportDefinition def = p.members().get(m);
            List<RapportTable> tables = p.published().get(m);
            published.put(def.rapport().id(), tables);
            if (def.totalFigure() != null) {
                families.put(def.rapport().id(), def);
            }
            PublicView view = PublicView.build(def, tables, p.memberships());
            Attacker.Result r = Attacker.attack(view.system());
            for (RapportTable t : tables) {
                List<Map<String, Object>> lines = new ArrayList<>(t.lines());
                if (t.total() != null) {
                    lines.add(t.total());
                }
                for (Map<String, Object> line : lines) {
                    if (t.mask(line, "n")) {
                        Integer v = view.variable(t.territoire(), (String) line.get("cle"), "n");
                        if (r.determined()[v] && r.min()[v] <= SecretStatistique.MAX_THRESHOLD) {
                            disclosed.add(def.rapport().id() + " " + t.territoire().code() + " " + line.get("cle")
                                    + " = " + r.min()[v]);
                        }
                    }
                }
            }
        }
        assertTrue(families.size() >= 9, "the subset_of families: " + families.keySet());
        for (JointAudit.Result r : JointAudit.attack(families, published::get, p.memberships())) {
            disclosed.addAll(r.disclosed());
        }
        return disclosed;
    }
}
