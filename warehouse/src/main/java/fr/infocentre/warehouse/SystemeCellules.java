package fr.infocentre.warehouse;

import java.util.Arrays;

/**
 * What an attacker of the published tables knows, and nothing more: every cell is either
 * published (its value is known) or unknown (masked, or never published) with a known lower
 * bound, and cells are tied by linear relations {@code Σ gauche = Σ droite} (all coefficients
 * 1), such as "parent = sum of its children" or "stock at start + entries = stock at end + exits".
 *
 * <p>Built cell by cell, then relation by relation. Cells are numbered 0, 1, 2… in the order
 * they are added. Everything is kept in flat arrays (the relations as compressed rows), so that
 * systems of a few million cells and relations stay small: relation {@code r} is the cells
 * {@code terme(k)} for {@code debut(r) <= k < fin(r)}; those before {@code milieu(r)} are its
 * left side, the others its right side.
 */
final class SystemeCellules {

    private long[] minimums = new long[16];
    private long[] maximums = new long[16];
    private int nbCellules;

    private int[] termes = new int[64];
    private int[] debuts = new int[17];
    private int[] milieux = new int[16];
    private int nbRelations;

    /**
     * Adds a cell and returns its number.
     *
     * @param valeurPubliee its published value, or {@code null} if it is unknown to the attacker
     * @param minimum       for an unknown cell, the lower bound everybody knows: 1 for a masked
     *                      count (0 is always published), 0 for a count that is never published;
     *                      ignored for a published cell
     */
    int variable(Long valeurPubliee, long minimum) {
        if (valeurPubliee != null && valeurPubliee == Long.MAX_VALUE) {
            throw new IllegalArgumentException("Long.MAX_VALUE stands for 'no upper bound', not a published value");
        }
        if (nbCellules == minimums.length) {
            minimums = Arrays.copyOf(minimums, 2 * nbCellules);
            maximums = Arrays.copyOf(maximums, 2 * nbCellules);
        }
        minimums[nbCellules] = valeurPubliee != null ? valeurPubliee : minimum;
        maximums[nbCellules] = valeurPubliee != null ? valeurPubliee : Long.MAX_VALUE;
        return nbCellules++;
    }

    /**
     * Adds the relation {@code Σ gauche = Σ droite}. A cell may appear only once in a relation.
     */
    void relation(int[] gauche, int[] droite) {
        verifier(gauche, droite);
        int debut = debuts[nbRelations];
        int fin = debut + gauche.length + droite.length;
        if (fin > termes.length) {
            termes = Arrays.copyOf(termes, Math.max(fin, 2 * termes.length));
        }
        if (nbRelations == milieux.length) {
            milieux = Arrays.copyOf(milieux, 2 * nbRelations);
            debuts = Arrays.copyOf(debuts, 2 * nbRelations + 1);
        }
        System.arraycopy(gauche, 0, termes, debut, gauche.length);
        System.arraycopy(droite, 0, termes, debut + gauche.length, droite.length);
        milieux[nbRelations] = debut + gauche.length;
        debuts[++nbRelations] = fin;
    }

    private void verifier(int[] gauche, int[] droite) {
        int[] cellules = Arrays.copyOf(gauche, gauche.length + droite.length);
        System.arraycopy(droite, 0, cellules, gauche.length, droite.length);
        Arrays.sort(cellules);
        for (int k = 0; k < cellules.length; k++) {
            if (cellules[k] < 0 || cellules[k] >= nbCellules) {
                throw new IllegalArgumentException("no cell " + cellules[k]);
            }
            if (k > 0 && cellules[k] == cellules[k - 1]) {
                throw new IllegalArgumentException("cell " + cellules[k] + " appears twice in a relation");
            }
        }
    }

    /** The number of cells. */
    int taille() {
        return nbCellules;
    }

    /** The smallest value the cell may take: its value if published. */
    long minimum(int cellule) {
        return minimums[cellule];
    }

    /** The largest value the cell may take: its value if published, {@link Long#MAX_VALUE} if unknown. */
    long maximum(int cellule) {
        return maximums[cellule];
    }

    int nbRelations() {
        return nbRelations;
    }

    /** Position of the first cell of relation {@code r} in {@link #terme}. */
    int debut(int r) {
        return debuts[r];
    }

    /** Position of the first cell of the right side of relation {@code r}. */
    int milieu(int r) {
        return milieux[r];
    }

    /** Position just after the last cell of relation {@code r}. */
    int fin(int r) {
        return debuts[r + 1];
    }

    /** The cell at position {@code k} of the relations' cells. */
    int terme(int k) {
        return termes[k];
    }
}
