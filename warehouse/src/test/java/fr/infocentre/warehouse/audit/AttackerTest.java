package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.secret.SecretStatistique;


import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attacker on hand-built systems whose answers are worked out by hand (no warehouse needed). */
class AttackerTest {

    private static final long INFINITE = Long.MAX_VALUE;

    private final CellSystem s = new CellSystem();

    private int published(long value) {
        return s.variable(value, 0);
    }

    /** A masked count: the attacker knows it is at least 1. */
    private int masked() {
        return s.variable(null, 1);
    }

    /** A count that is never published: at least 0. */
    private int neverPublished() {
        return s.variable(null, 0);
    }

    private void sum(int parent, int... children) {
        s.relation(new int[] {parent}, children);
    }

    private static void assertInterval(Attacker.Result r, int cell, long min, long max) {
        assertEquals(min, r.min()[cell], "min of cell " + cell);
        assertEquals(max, r.max()[cell], "max of cell " + cell);
        assertEquals(min == max, r.determined()[cell], "determinee of cell " + cell);
    }

    @Test
    void rowTotalMinusTheVisibleCellsDisclosesTheOnlyMaskedCell() {
        int a = masked(); // 3
        int b = published(20);
        int c = published(15);
        sum(published(38), a, b, c);

        Attacker.Result r = Attacker.attack(s);

        assertInterval(r, a, 3, 3); // 38 − 20 − 15
        assertInterval(r, b, 20, 20);
    }

    /**
     * A 2 × 2 table masked whole under published margins (a + b = 10, c + d = 20, a + c = 12,
     * b + d = 18: a = 4, b = 6, c = 8, d = 12) pins nothing; once a is learnt elsewhere to be 4,
     * the attack resumed from the first one pins the four cells, as an attack afresh does.
     */
    @Test
    void anAttackResumedWithACellLearntElsewhereFindsWhatAnAttackAfreshFinds() {
        int a = masked(), b = masked(), c = masked(), d = masked();
        sum(published(10), a, b);
        sum(published(20), c, d);
        sum(published(12), a, c);
        sum(published(18), b, d);
        Attacker.Result first = Attacker.attack(s);
        assertInterval(first, a, 1, 9);
        assertInterval(first, d, 9, 17);

        for (int v = 0; v < s.size(); v++) {
            s.narrow(v, first.min()[v], first.max()[v]);
        }
        s.narrow(a, 4, 4);
        Attacker.Result resumed = Attacker.resume(s);
        assertInterval(resumed, b, 6, 6);
        assertInterval(resumed, c, 8, 8);
        assertInterval(resumed, d, 12, 12);
    }

    @Test
    void twoMaskedCellsOfARowOnlyBoundEachOther() {
        int a = masked(); // 3
        int b = masked(); // 12
        sum(published(15), a, b);

        Attacker.Result r = Attacker.attack(s);

        // a = 15 − b and b ≥ 1
        assertInterval(r, a, 1, 14);
        assertInterval(r, b, 1, 14);
    }

    /**
     * <pre>
     *   a=3   b=12 | 15
     *   c=14  d=20 | 34
     *   -----------+---
     *   17    32   | 49
     * </pre>
     * All four inner cells masked. The solutions are a = 3+t, b = 12−t, c = 14−t, d = 20+t
     * (the margins fix everything but t); all ≥ 1 gives −2 ≤ t ≤ 11 (from a and b), so
     * a ∈ [1, 14], b ∈ [1, 14], c ∈ [3, 16], d ∈ [18, 31]: the LP bounds, which propagation reaches.
     */
    @Test
    void twoByTwoTableWithPublishedMarginsKeepsItsInnerCells() {
        int a = masked();
        int b = masked();
        int c = masked();
        int d = masked();
        int line1 = published(15);
        int line2 = published(34);
        int column1 = published(17);
        int column2 = published(32);
        int total = published(49);
        sum(line1, a, b);
        sum(line2, c, d);
        sum(column1, a, c);
        sum(column2, b, d);
        sum(total, line1, line2);
        sum(total, column1, column2);

        Attacker.Result r = Attacker.attack(s);

        assertInterval(r, a, 1, 14);
        assertInterval(r, b, 1, 14);
        assertInterval(r, c, 3, 16);
        assertInterval(r, d, 18, 31);
    }

    /** The cells of {@link #threeByThreeTable}; x23 is row 2, column 3. */
    private record Table(int x11, int x12, int x21, int x22, int x23, int x33, int t3, int u3, int g) {}

    /**
     * <pre>
     *   x11=3  x12=4  x13=20 | T1=27
     *   x21=5  x22=6  x23=7  | T2=18
     *   x31=30 x32=25 x33=8  | T3=63
     *   ---------------------+------
     *   U1=38  U2=35  U3=35  | G=108
     * </pre>
     * Masked: x11, x12, x21, x22, x23, x33, T3, U3 and G. Every row and column (margins
     * included) has at least two masked cells, so no single relation discloses anything. But
     * rows 1 + 2 give x11 + x12 + x21 + x22 + x23 = 27 + 18 − 20 = 25 and columns 1 + 2 give
     * x11 + x21 + x12 + x22 = 38 + 35 − 30 − 25 = 18, so x23 = 25 − 18 = 7. The other masked cells
     * lie on cycles of the table: x11 = 3+t, x12 = 4−t, x21 = 5−t, x22 = 6+t with −2 ≤ t ≤ 3;
     * x33 = 8+u, T3 = 63+u, U3 = 35+u, G = 108+u with u ≥ −7 and no upper bound.
     */
    private Table threeByThreeTable() {
        int x11 = masked();
        int x12 = masked();
        int x13 = published(20);
        int x21 = masked();
        int x22 = masked();
        int x23 = masked();
        int x31 = published(30);
        int x32 = published(25);
        int x33 = masked();
        int t1 = published(27);
        int t2 = published(18);
        int t3 = masked();
        int u1 = published(38);
        int u2 = published(35);
        int u3 = masked();
        int g = masked();
        sum(t1, x11, x12, x13);
        sum(t2, x21, x22, x23);
        sum(t3, x31, x32, x33);
        sum(u1, x11, x21, x31);
        sum(u2, x12, x22, x32);
        sum(u3, x13, x23, x33);
        sum(g, t1, t2, t3);
        sum(g, u1, u2, u3);
        return new Table(x11, x12, x21, x22, x23, x33, t3, u3, g);
    }

    @Test
    void aCombinationOfRowsAndColumnsDisclosesWhatNoSingleRelationShows() {
        Table t = threeByThreeTable();

        // propagation alone: x23 = 18 − x21 − x22 with x21 ∈ [2, 7] (column 1, x11 ≤ 6) and x22 ∈ [4, 9]
        Attacker.Result propagation = Attacker.propagate(s);
        assertInterval(propagation, t.x23(), 2, 12);

        Attacker.Result r = Attacker.attack(s);
        assertInterval(r, t.x23(), 7, 7);
        assertInterval(r, t.x11(), 1, 6);
        assertInterval(r, t.x12(), 1, 6);
        assertInterval(r, t.x21(), 2, 7);
        assertInterval(r, t.x22(), 4, 9);
        assertInterval(r, t.x33(), 1, INFINITE);
        assertInterval(r, t.t3(), 56, INFINITE);
        assertInterval(r, t.u3(), 28, INFINITE);
        assertInterval(r, t.g(), 101, INFINITE);
    }

    @Test
    void childrenLeftWithTheirMinimumAreForcedToIt() {
        // 7 = 5 + x + w + y: x and w masked (≥ 1), y never published (≥ 0), so x + w + y = 2
        int x = masked();
        int w = masked();
        int y = neverPublished();
        sum(published(7), published(5), x, w, y);

        Attacker.Result r = Attacker.attack(s);

        assertInterval(r, x, 1, 1); // x ≤ 2 − w − y ≤ 2 − 1 − 0
        assertInterval(r, w, 1, 1);
        assertInterval(r, y, 0, 0); // y ≤ 2 − x − w ≤ 2 − 1 − 1
    }

    @Test
    void aTwoSidedIdentityBoundsBothSides() {
        // stock at start + entries = stock at end + exits: 40 + 7 = 45 + 2
        int entries = masked();
        int radiations = masked();
        s.relation(new int[] {published(40), entries}, new int[] {published(45), radiations});

        // entries = 5 + exits ≥ 6; nothing bounds them from above
        Attacker.Result single = Attacker.attack(s);
        assertInterval(single, entries, 6, INFINITE);
        assertInterval(single, radiations, 1, INFINITE);

        // the exits of the region (14) minus those of the other commune (12) disclose the exits, then the entries
        sum(published(14), radiations, published(12));
        Attacker.Result r = Attacker.attack(s);
        assertInterval(r, radiations, 2, 2);
        assertInterval(r, entries, 7, 7);
    }

    /**
     * The routes need each other, three times over. The 3×3 table above, plus
     * 9 = x23 + h1 + h2 (h1, h2 masked, both 1), plus a triangle p + q = h1 + 10, q + r = 12,
     * p + r = 13 (p = 6, q = 5, r = 7; p, q, r masked). (b) finds x23 = 7; then (a) gets
     * h1 + h2 = 2, so h1 = h2 = 1 (the algebra cannot: one equation, two unknowns); then (b)
     * solves the triangle: p = (11 + 13 − 12) / 2 (propagation cannot: it never adds equations).
     */
    @Test
    void eachRoutePinsCellsThatLetTheOtherPinMore() {
        Table t = threeByThreeTable();
        int h1 = masked();
        int h2 = masked();
        sum(published(9), t.x23(), h1, h2);
        int p = masked();
        int q = masked();
        int r = masked();
        s.relation(new int[] {p, q}, new int[] {h1, published(10)});
        sum(published(12), q, r);
        sum(published(13), p, r);

        Attacker.Result propagation = Attacker.propagate(s);
        for (int cell : new int[] {t.x23(), h1, h2, p, q, r}) {
            assertFalse(propagation.determined()[cell], "cell " + cell);
        }

        Attacker.Result attack = Attacker.attack(s);
        assertInterval(attack, t.x23(), 7, 7);
        assertInterval(attack, h1, 1, 1);
        assertInterval(attack, h2, 1, 1);
        assertInterval(attack, p, 6, 6);
        assertInterval(attack, q, 5, 5);
        assertInterval(attack, r, 7, 7);
        assertInterval(attack, t.x11(), 1, 6);
    }

    @Test
    void inconsistentPublishedValuesAreRefused() {
        sum(published(5), published(3), published(3));

        assertThrows(IllegalArgumentException.class, () -> Attacker.attack(s));
    }

    /**
     * National, 10 régions, 100 départements, 10,000 communes; on each, 10 categories and their
     * total (111,221 cells, 11,332 relations). Every count is published except, in each
     * département, 31 masked commune cells (3,100 unknowns) in three patterns:
     * <ul>
     * <li>10 isolated cells, each alone in its commune's row: disclosed by "total − visible";</li>
     * <li>three rectangles (communes 2j, 2j+1 × categories 2j, 2j+1, values 3 5 / 4 6), alone in
     *     their rows and in their département's columns: a = 3+t, b = 5−t, c = 4−t, d = 6+t with
     *     −2 ≤ t ≤ 3, nothing disclosed;</li>
     * <li>two such rectangles (communes 10, 11 × categories 6, 7 and communes 12, 13 ×
     *     categories 8, 9) joined by a bridge, commune 11 × category 8 = 7: rows 10 + 11 minus
     *     columns 6 + 7 disclose the bridge, and the rectangles still hold.</li>
     * </ul>
     * So exactly 1,100 unknowns are disclosed: the isolated cells and the bridges.
     */
    @Test
    void hierarchyOfTenThousandCommunes() {
        int categories = 10;
        int departements = 100;
        int communesByDepartement = 100;
        long[][] values = new long[departements * communesByDepartement][];
        List<int[]> communeCells = new ArrayList<>();
        for (int d = 0; d < departements; d++) {
            for (int k = 0; k < communesByDepartement; k++) {
                long[] line = new long[categories];
                for (int c = 0; c < categories; c++) {
                    line[c] = 11 + (7L * d + 13L * k + 5L * c) % 50;
                }
                values[d * communesByDepartement + k] = line;
            }
            for (int j = 0; j < 3; j++) {
                rectangle(values, d * communesByDepartement + 2 * j, 2 * j);
            }
            rectangle(values, d * communesByDepartement + 10, 6);
            rectangle(values, d * communesByDepartement + 12, 8);
            values[d * communesByDepartement + 11][8] = 7;
            for (int i = 0; i < 10; i++) {
                values[d * communesByDepartement + 20 + i][i] = 1 + i;
            }
        }
        // communes, then départements, régions and the nation: each with 10 categories and a total
        long[][] departementTotals = new long[departements][categories];
        for (long[] line : values) {
            communeCells.add(territoire(line));
        }
        List<int[]> departementCells = new ArrayList<>();
        for (int d = 0; d < departements; d++) {
            for (int k = 0; k < communesByDepartement; k++) {
                for (int c = 0; c < categories; c++) {
                    departementTotals[d][c] += values[d * communesByDepartement + k][c];
                }
            }
            int[] departement = territoire(departementTotals[d]);
            departementCells.add(departement);
            parentOf(departement, communeCells.subList(d * communesByDepartement, (d + 1) * communesByDepartement));
        }
        List<int[]> regionCells = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            long[] totals = new long[categories];
            for (int d = 10 * g; d < 10 * (g + 1); d++) {
                for (int c = 0; c < categories; c++) {
                    totals[c] += departementTotals[d][c];
                }
            }
            int[] region = territoire(totals);
            regionCells.add(region);
            parentOf(region, departementCells.subList(10 * g, 10 * (g + 1)));
        }
        long[] national = new long[categories];
        for (long[] totals : departementTotals) {
            for (int c = 0; c < categories; c++) {
                national[c] += totals[c];
            }
        }
        parentOf(territoire(national), regionCells);
        assertEquals(111_221, s.size());
        assertEquals(11_332, s.relationCount());

        Attacker.Result r = Attacker.attack(s);

        int unknowns = 0;
        int determined = 0;
        for (int cell = 0; cell < s.size(); cell++) {
            if (s.maximum(cell) == INFINITE) {
                unknowns++;
                determined += r.determined()[cell] ? 1 : 0;
            } else {
                assertInterval(r, cell, s.minimum(cell), s.minimum(cell));
            }
        }
        assertEquals(3_100, unknowns);
        assertEquals(1_100, determined);
        for (int d = 0; d < departements; d++) {
            List<int[]> communes = communeCells.subList(d * communesByDepartement, (d + 1) * communesByDepartement);
            for (int i = 0; i < 10; i++) {
                assertInterval(r, communes.get(20 + i)[i], 1 + i, 1 + i);
            }
            for (int j = 0; j < 3; j++) {
                assertRectangleProtected(r, communes, 2 * j, 2 * j);
            }
            assertRectangleProtected(r, communes, 10, 6);
            assertRectangleProtected(r, communes, 12, 8);
            assertInterval(r, communes.get(11)[8], 7, 7);
        }
    }

    /** Masked values 3 5 / 4 6 at communes k, k+1 × categories c, c+1. */
    private static void rectangle(long[][] values, int commune, int category) {
        values[commune][category] = 3;
        values[commune][category + 1] = 5;
        values[commune + 1][category] = 4;
        values[commune + 1][category + 1] = 6;
    }

    /** −2 ≤ t ≤ 3: a ∈ [1, 6], b ∈ [2, 7], c ∈ [1, 6], d ∈ [4, 9]. */
    private static void assertRectangleProtected(Attacker.Result r, List<int[]> communes, int commune, int category) {
        assertInterval(r, communes.get(commune)[category], 1, 6);
        assertInterval(r, communes.get(commune)[category + 1], 2, 7);
        assertInterval(r, communes.get(commune + 1)[category], 1, 6);
        assertInterval(r, communes.get(commune + 1)[category + 1], 4, 9);
    }

    /**
     * The cells of one territory: its categories (masked when 1 to 10) then their total
     * (published), tied by total = Σ categories.
     */
    private int[] territoire(long[] categories) {
        int[] cells = new int[categories.length + 1];
        long total = 0;
        for (int c = 0; c < categories.length; c++) {
            boolean mask = categories[c] >= 1 && categories[c] <= SecretStatistique.MAX_THRESHOLD;
            cells[c] = mask ? masked() : published(categories[c]);
            total += categories[c];
        }
        cells[categories.length] = published(total);
        sum(cells[categories.length], Arrays.copyOf(cells, categories.length));
        return cells;
    }

    /** For each category and the total: parent = Σ children. */
    private void parentOf(int[] parent, List<int[]> children) {
        for (int c = 0; c < parent.length; c++) {
            int column = c;
            sum(parent[c], children.stream().mapToInt(child -> child[column]).toArray());
        }
    }
}
