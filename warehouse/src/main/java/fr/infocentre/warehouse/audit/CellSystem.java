package fr.infocentre.warehouse.audit;


import java.util.Arrays;

/**
 * What an attacker of the published tables knows, and nothing more: every cell is either
 * published (its value is known) or unknown (masked, or never published) with a known lower
 * bound, and cells are tied by linear relations {@code Σ left = Σ right} (all coefficients
 * 1), such as "parent = sum of its children" or "stock at start + entries = stock at end + exits".
 *
 * <p>Built cell by cell, then relation by relation. Cells are numbered 0, 1, 2… in the order
 * they are added. Everything is kept in flat arrays (the relations as compressed rows), so that
 * systems of a few million cells and relations stay small: relation {@code r} is the cells
 * {@code term(k)} for {@code start(r) <= k < end(r)}; those before {@code middle(r)} are its
 * left side, the others its right side.
 */
final class CellSystem {

    private long[] minimums = new long[16];
    private long[] maximums = new long[16];
    private int cellCount;

    private int[] terms = new int[64];
    private int[] starts = new int[17];
    private int[] middles = new int[16];
    private int relationCount;

    /**
     * Adds a cell and returns its number.
     *
     * @param publishedValue its published value, or {@code null} if it is unknown to the attacker
     * @param minimum for an unknown cell, the lower bound everybody knows: 0 for a count (masked
     *                or never published: a secondary cell may be a 0), more when the attacker
     *                knows more; ignored for a published cell
     */
    int variable(Long publishedValue, long minimum) {
        if (publishedValue != null && publishedValue == Long.MAX_VALUE) {
            throw new IllegalArgumentException("Long.MAX_VALUE stands for 'no upper bound', not a published value");
        }
        if (cellCount == minimums.length) {
            minimums = Arrays.copyOf(minimums, 2 * cellCount);
            maximums = Arrays.copyOf(maximums, 2 * cellCount);
        }
        minimums[cellCount] = publishedValue != null ? publishedValue : minimum;
        maximums[cellCount] = publishedValue != null ? publishedValue : Long.MAX_VALUE;
        return cellCount++;
    }

    /**
     * Adds the relation {@code Σ left = Σ right}. A cell may appear only once in a relation.
     */
    void relation(int[] left, int[] right) {
        check(left, right);
        int start = starts[relationCount];
        int end = start + left.length + right.length;
        if (end > terms.length) {
            terms = Arrays.copyOf(terms, Math.max(end, 2 * terms.length));
        }
        if (relationCount == middles.length) {
            middles = Arrays.copyOf(middles, 2 * relationCount);
            starts = Arrays.copyOf(starts, 2 * relationCount + 1);
        }
        System.arraycopy(left, 0, terms, start, left.length);
        System.arraycopy(right, 0, terms, start + left.length, right.length);
        middles[relationCount] = start + left.length;
        starts[++relationCount] = end;
    }

    private void check(int[] left, int[] right) {
        int[] cells = Arrays.copyOf(left, left.length + right.length);
        System.arraycopy(right, 0, cells, left.length, right.length);
        Arrays.sort(cells);
        for (int k = 0; k < cells.length; k++) {
            if (cells[k] < 0 || cells[k] >= cellCount) {
                throw new IllegalArgumentException("no cell " + cells[k]);
            }
            if (k > 0 && cells[k] == cells[k - 1]) {
                throw new IllegalArgumentException("cell " + cells[k] + " appears twice in a relation");
            }
        }
    }

    /**
     * Narrows what is known of an unknown cell to [min, max] (a bound learnt elsewhere, e.g. from
     * another rapport publishing the same figure); never widens it.
     */
    void narrow(int cell, long min, long max) {
        minimums[cell] = Math.max(minimums[cell], min);
        maximums[cell] = Math.min(maximums[cell], max);
    }

    /** The number of cells. */
    int size() {
        return cellCount;
    }

    /** The smallest value the cell may take: its value if published. */
    long minimum(int cell) {
        return minimums[cell];
    }

    /** The largest value the cell may take: its value if published, {@link Long#MAX_VALUE} if unknown. */
    long maximum(int cell) {
        return maximums[cell];
    }

    int relationCount() {
        return relationCount;
    }

    /** Position of the first cell of relation {@code r} in {@link #term}. */
    int start(int r) {
        return starts[r];
    }

    /** Position of the first cell of the right side of relation {@code r}. */
    int middle(int r) {
        return middles[r];
    }

    /** Position just after the last cell of relation {@code r}. */
    int end(int r) {
        return starts[r + 1];
    }

    /** The cell at position {@code k} of the relations' cells. */
    int term(int k) {
        return terms[k];
    }
}
