package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attacker on hand-built systems whose answers are worked out by hand (no warehouse needed). */
class AttaquantTest {

    private static final long INFINI = Long.MAX_VALUE;

    private final SystemeCellules s = new SystemeCellules();

    private int publiee(long valeur) {
        return s.variable(valeur, 0);
    }

    /** A masked count: the attacker knows it is at least 1. */
    private int masquee() {
        return s.variable(null, 1);
    }

    /** A count that is never published: at least 0. */
    private int jamaisPubliee() {
        return s.variable(null, 0);
    }

    private void somme(int parent, int... enfants) {
        s.relation(new int[] {parent}, enfants);
    }

    private static void assertIntervalle(Attaquant.Resultat r, int cellule, long min, long max) {
        assertEquals(min, r.min()[cellule], "min of cell " + cellule);
        assertEquals(max, r.max()[cellule], "max of cell " + cellule);
        assertEquals(min == max, r.determinee()[cellule], "determinee of cell " + cellule);
    }

    @Test
    void rowTotalMinusTheVisibleCellsDisclosesTheOnlyMaskedCell() {
        int a = masquee(); // 3
        int b = publiee(20);
        int c = publiee(15);
        somme(publiee(38), a, b, c);

        Attaquant.Resultat r = Attaquant.attaquer(s);

        assertIntervalle(r, a, 3, 3); // 38 − 20 − 15
        assertIntervalle(r, b, 20, 20);
    }

    @Test
    void twoMaskedCellsOfARowOnlyBoundEachOther() {
        int a = masquee(); // 3
        int b = masquee(); // 12
        somme(publiee(15), a, b);

        Attaquant.Resultat r = Attaquant.attaquer(s);

        // a = 15 − b and b ≥ 1
        assertIntervalle(r, a, 1, 14);
        assertIntervalle(r, b, 1, 14);
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
        int a = masquee();
        int b = masquee();
        int c = masquee();
        int d = masquee();
        int ligne1 = publiee(15);
        int ligne2 = publiee(34);
        int colonne1 = publiee(17);
        int colonne2 = publiee(32);
        int total = publiee(49);
        somme(ligne1, a, b);
        somme(ligne2, c, d);
        somme(colonne1, a, c);
        somme(colonne2, b, d);
        somme(total, ligne1, ligne2);
        somme(total, colonne1, colonne2);

        Attaquant.Resultat r = Attaquant.attaquer(s);

        assertIntervalle(r, a, 1, 14);
        assertIntervalle(r, b, 1, 14);
        assertIntervalle(r, c, 3, 16);
        assertIntervalle(r, d, 18, 31);
    }

    /** The cells of {@link #tableTroisSurTrois}; x23 is row 2, column 3. */
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
    private Table tableTroisSurTrois() {
        int x11 = masquee();
        int x12 = masquee();
        int x13 = publiee(20);
        int x21 = masquee();
        int x22 = masquee();
        int x23 = masquee();
        int x31 = publiee(30);
        int x32 = publiee(25);
        int x33 = masquee();
        int t1 = publiee(27);
        int t2 = publiee(18);
        int t3 = masquee();
        int u1 = publiee(38);
        int u2 = publiee(35);
        int u3 = masquee();
        int g = masquee();
        somme(t1, x11, x12, x13);
        somme(t2, x21, x22, x23);
        somme(t3, x31, x32, x33);
        somme(u1, x11, x21, x31);
        somme(u2, x12, x22, x32);
        somme(u3, x13, x23, x33);
        somme(g, t1, t2, t3);
        somme(g, u1, u2, u3);
        return new Table(x11, x12, x21, x22, x23, x33, t3, u3, g);
    }

    @Test
    void aCombinationOfRowsAndColumnsDisclosesWhatNoSingleRelationShows() {
        Table t = tableTroisSurTrois();

        // propagation alone: x23 = 18 − x21 − x22 with x21 ∈ [2, 7] (column 1, x11 ≤ 6) and x22 ∈ [4, 9]
        Attaquant.Resultat propagation = Attaquant.propager(s);
        assertIntervalle(propagation, t.x23(), 2, 12);

        Attaquant.Resultat r = Attaquant.attaquer(s);
        assertIntervalle(r, t.x23(), 7, 7);
        assertIntervalle(r, t.x11(), 1, 6);
        assertIntervalle(r, t.x12(), 1, 6);
        assertIntervalle(r, t.x21(), 2, 7);
        assertIntervalle(r, t.x22(), 4, 9);
        assertIntervalle(r, t.x33(), 1, INFINI);
        assertIntervalle(r, t.t3(), 56, INFINI);
        assertIntervalle(r, t.u3(), 28, INFINI);
        assertIntervalle(r, t.g(), 101, INFINI);
    }

    @Test
    void childrenLeftWithTheirMinimumAreForcedToIt() {
        // 7 = 5 + x + w + y: x and w masked (≥ 1), y never published (≥ 0), so x + w + y = 2
        int x = masquee();
        int w = masquee();
        int y = jamaisPubliee();
        somme(publiee(7), publiee(5), x, w, y);

        Attaquant.Resultat r = Attaquant.attaquer(s);

        assertIntervalle(r, x, 1, 1); // x ≤ 2 − w − y ≤ 2 − 1 − 0
        assertIntervalle(r, w, 1, 1);
        assertIntervalle(r, y, 0, 0); // y ≤ 2 − x − w ≤ 2 − 1 − 1
    }

    @Test
    void aTwoSidedIdentityBoundsBothSides() {
        // stock at start + entries = stock at end + exits: 40 + 7 = 45 + 2
        int entrees = masquee();
        int radiations = masquee();
        s.relation(new int[] {publiee(40), entrees}, new int[] {publiee(45), radiations});

        // entries = 5 + exits ≥ 6; nothing bounds them from above
        Attaquant.Resultat seule = Attaquant.attaquer(s);
        assertIntervalle(seule, entrees, 6, INFINI);
        assertIntervalle(seule, radiations, 1, INFINI);

        // the exits of the region (14) minus those of the other commune (12) disclose the exits, then the entries
        somme(publiee(14), radiations, publiee(12));
        Attaquant.Resultat r = Attaquant.attaquer(s);
        assertIntervalle(r, radiations, 2, 2);
        assertIntervalle(r, entrees, 7, 7);
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
        Table t = tableTroisSurTrois();
        int h1 = masquee();
        int h2 = masquee();
        somme(publiee(9), t.x23(), h1, h2);
        int p = masquee();
        int q = masquee();
        int r = masquee();
        s.relation(new int[] {p, q}, new int[] {h1, publiee(10)});
        somme(publiee(12), q, r);
        somme(publiee(13), p, r);

        Attaquant.Resultat propagation = Attaquant.propager(s);
        for (int cellule : new int[] {t.x23(), h1, h2, p, q, r}) {
            assertFalse(propagation.determinee()[cellule], "cell " + cellule);
        }

        Attaquant.Resultat attaque = Attaquant.attaquer(s);
        assertIntervalle(attaque, t.x23(), 7, 7);
        assertIntervalle(attaque, h1, 1, 1);
        assertIntervalle(attaque, h2, 1, 1);
        assertIntervalle(attaque, p, 6, 6);
        assertIntervalle(attaque, q, 5, 5);
        assertIntervalle(attaque, r, 7, 7);
        assertIntervalle(attaque, t.x11(), 1, 6);
    }

    @Test
    void inconsistentPublishedValuesAreRefused() {
        somme(publiee(5), publiee(3), publiee(3));

        assertThrows(IllegalArgumentException.class, () -> Attaquant.attaquer(s));
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
        int communesParDepartement = 100;
        long[][] valeurs = new long[departements * communesParDepartement][];
        List<int[]> cellulesCommunes = new ArrayList<>();
        for (int d = 0; d < departements; d++) {
            for (int k = 0; k < communesParDepartement; k++) {
                long[] ligne = new long[categories];
                for (int c = 0; c < categories; c++) {
                    ligne[c] = 11 + (7L * d + 13L * k + 5L * c) % 50;
                }
                valeurs[d * communesParDepartement + k] = ligne;
            }
            for (int j = 0; j < 3; j++) {
                rectangle(valeurs, d * communesParDepartement + 2 * j, 2 * j);
            }
            rectangle(valeurs, d * communesParDepartement + 10, 6);
            rectangle(valeurs, d * communesParDepartement + 12, 8);
            valeurs[d * communesParDepartement + 11][8] = 7;
            for (int i = 0; i < 10; i++) {
                valeurs[d * communesParDepartement + 20 + i][i] = 1 + i;
            }
        }
        // communes, then départements, régions and the nation: each with 10 categories and a total
        long[][] totauxDepartements = new long[departements][categories];
        for (long[] ligne : valeurs) {
            cellulesCommunes.add(territoire(ligne));
        }
        List<int[]> cellulesDepartements = new ArrayList<>();
        for (int d = 0; d < departements; d++) {
            for (int k = 0; k < communesParDepartement; k++) {
                for (int c = 0; c < categories; c++) {
                    totauxDepartements[d][c] += valeurs[d * communesParDepartement + k][c];
                }
            }
            int[] departement = territoire(totauxDepartements[d]);
            cellulesDepartements.add(departement);
            parentDe(departement, cellulesCommunes.subList(d * communesParDepartement, (d + 1) * communesParDepartement));
        }
        List<int[]> cellulesRegions = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            long[] totaux = new long[categories];
            for (int d = 10 * g; d < 10 * (g + 1); d++) {
                for (int c = 0; c < categories; c++) {
                    totaux[c] += totauxDepartements[d][c];
                }
            }
            int[] region = territoire(totaux);
            cellulesRegions.add(region);
            parentDe(region, cellulesDepartements.subList(10 * g, 10 * (g + 1)));
        }
        long[] national = new long[categories];
        for (long[] totaux : totauxDepartements) {
            for (int c = 0; c < categories; c++) {
                national[c] += totaux[c];
            }
        }
        parentDe(territoire(national), cellulesRegions);
        assertEquals(111_221, s.taille());
        assertEquals(11_332, s.nbRelations());

        Attaquant.Resultat r = Attaquant.attaquer(s);

        int inconnues = 0;
        int determinees = 0;
        for (int cellule = 0; cellule < s.taille(); cellule++) {
            if (s.maximum(cellule) == INFINI) {
                inconnues++;
                determinees += r.determinee()[cellule] ? 1 : 0;
            } else {
                assertIntervalle(r, cellule, s.minimum(cellule), s.minimum(cellule));
            }
        }
        assertEquals(3_100, inconnues);
        assertEquals(1_100, determinees);
        for (int d = 0; d < departements; d++) {
            List<int[]> communes = cellulesCommunes.subList(d * communesParDepartement, (d + 1) * communesParDepartement);
            for (int i = 0; i < 10; i++) {
                assertIntervalle(r, communes.get(20 + i)[i], 1 + i, 1 + i);
            }
            for (int j = 0; j < 3; j++) {
                assertRectangleProtege(r, communes, 2 * j, 2 * j);
            }
            assertRectangleProtege(r, communes, 10, 6);
            assertRectangleProtege(r, communes, 12, 8);
            assertIntervalle(r, communes.get(11)[8], 7, 7);
        }
    }

    /** Masked values 3 5 / 4 6 at communes k, k+1 × categories c, c+1. */
    private static void rectangle(long[][] valeurs, int commune, int categorie) {
        valeurs[commune][categorie] = 3;
        valeurs[commune][categorie + 1] = 5;
        valeurs[commune + 1][categorie] = 4;
        valeurs[commune + 1][categorie + 1] = 6;
    }

    /** −2 ≤ t ≤ 3: a ∈ [1, 6], b ∈ [2, 7], c ∈ [1, 6], d ∈ [4, 9]. */
    private static void assertRectangleProtege(Attaquant.Resultat r, List<int[]> communes, int commune, int categorie) {
        assertIntervalle(r, communes.get(commune)[categorie], 1, 6);
        assertIntervalle(r, communes.get(commune)[categorie + 1], 2, 7);
        assertIntervalle(r, communes.get(commune + 1)[categorie], 1, 6);
        assertIntervalle(r, communes.get(commune + 1)[categorie + 1], 4, 9);
    }

    /**
     * The cells of one territory: its categories (masked when 1 to 10) then their total
     * (published), tied by total = Σ categories.
     */
    private int[] territoire(long[] categories) {
        int[] cellules = new int[categories.length + 1];
        long total = 0;
        for (int c = 0; c < categories.length; c++) {
            boolean masque = categories[c] >= 1 && categories[c] <= SecretStatistique.SEUIL_MAX;
            cellules[c] = masque ? masquee() : publiee(categories[c]);
            total += categories[c];
        }
        cellules[categories.length] = publiee(total);
        somme(cellules[categories.length], Arrays.copyOf(cellules, categories.length));
        return cellules;
    }

    /** For each category and the total: parent = Σ children. */
    private void parentDe(int[] parent, List<int[]> enfants) {
        for (int c = 0; c < parent.length; c++) {
            int colonne = c;
            somme(parent[c], enfants.stream().mapToInt(enfant -> enfant[colonne]).toArray());
        }
    }
}
