package fr.infocentre.warehouse.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The attacker of the secret statistique: from what is public only (a {@link CellSystem}),
 * the interval of values each cell may take, and the cells pinned to a single value.
 *
 * <p>Two routes, each blind to part of what the other sees, take turns until neither learns
 * anything more:
 * <ol>
 * <li>bound propagation ({@code Bounds}): every relation bounds each of its cells by the bounds
 *     of the others. It finds "total minus the visible cells", "parent minus the visible
 *     children", and cells forced to their minimum (two masked cells summing to 0 are both 0;
 *     with lower bounds of 1, two summing to 2 are both 1), but it reads one relation at a time;</li>
 * <li>exact linear algebra ({@code Elimination}): once every known value is substituted, an
 *     unknown is determined when the equations fix it, possibly through a combination of many
 *     relations (rows minus columns…), but it ignores the lower bounds.</li>
 * </ol>
 * A cell pinned by either route is a known value for the other.
 */
public final class Attacker {

    /** Stands for "no upper bound". */
    private static final long INFINITE = Long.MAX_VALUE;

    /**
     * Per cell: the smallest and the largest value consistent with what is public
     * ({@link Long#MAX_VALUE} when unbounded), and whether they are equal (the cell is disclosed).
     */
    public record Result(long[] min, long[] max, boolean[] determined) {}

    private Attacker() {
    }

    /**
     * Both routes, alternated to a fixpoint.
     *
     * @throws IllegalArgumentException if the public values contradict each other
     * @throws ArithmeticException      if an exact computation overflows a {@code long} (never
     *                                  silently wrong)
     */
    public static Result attack(CellSystem s) {
        Bounds bounds = new Bounds(s);
        bounds.propagate();
        return alternate(s, bounds);
    }

    /** The algebra, then propagation, in turns, from a propagation fixpoint. */
    private static Result alternate(CellSystem s, Bounds bounds) {
        while (Elimination.fix(s, bounds)) {
            int determined = bounds.determinedCount();
            bounds.propagate();
            if (bounds.determinedCount() == determined) {
                break; // propagation pinned nothing more: the algebra has nothing new to work on
            }
        }
        return bounds.result();
    }

    /**
     * Both routes, {@code s} narrowed beforehand to the result of an earlier {@link #attack} of the
     * same cells and relations (and to what was learnt since, from other rapports). That result
     * is closed under the algebra: while propagation pins no cell beyond those it pinned, the
     * algebra, which depends only on the cells pinned, has nothing new to find, and is skipped.
     */
    static Result resume(CellSystem s) {
        Bounds bounds = new Bounds(s);
        int pinned = bounds.determinedCount();
        bounds.propagate();
        return bounds.determinedCount() == pinned ? bounds.result() : alternate(s, bounds);
    }

    /** Route (a) alone: the intervals one relation at a time (faster, weaker). */
    static Result propagate(CellSystem s) {
        Bounds bounds = new Bounds(s);
        bounds.propagate();
        return bounds.result();
    }

    private static IllegalArgumentException inconsistency(String detail) {
        return new IllegalArgumentException("The public values are inconsistent: " + detail);
    }

    /**
     * Route (a): interval propagation. For a relation {@code ΣA = ΣB} and a cell i of A,
     * {@code min_i ≥ Σ_B min − Σ_{A∖i} max} and {@code max_i ≤ Σ_B max − Σ_{A∖i} min}
     * (symmetrically for a cell of B). A worklist of relations: a relation is revised again
     * whenever one of its cells tightens, until nothing moves.
     */
    private static final class Bounds {

        /**
         * Revisions allowed per propagation, in passes over all relations. Tables converge in a
         * few passes; a pathological system stopped here keeps valid intervals (every
         * consistent value is inside), only wider than at the fixpoint.
         */
        private static final int PASSES_MAX = 100;

        private final CellSystem s;
        private final long[] min;
        private final long[] max;
        private int determinedCount;
        /** The relations of cell c: {@code relations[starts[c]]} to {@code relations[starts[c + 1] - 1]}. */
        private final int[] starts;
        private final int[] relations;
        /** The worklist: a ring of relations to revise, each at most once. */
        private final int[] worklist;
        private final boolean[] queued;
        private int head;
        private int queuedCount;

        /** The bounds everybody knows, every relation still to revise. */
        Bounds(CellSystem s) {
            this.s = s;
            int n = s.size();
            min = new long[n];
            max = new long[n];
            for (int c = 0; c < n; c++) {
                min[c] = s.minimum(c);
                max[c] = s.maximum(c);
                determinedCount += min[c] == max[c] ? 1 : 0;
            }
            starts = new int[n + 1];
            for (int r = 0; r < s.relationCount(); r++) {
                for (int k = s.start(r); k < s.end(r); k++) {
                    starts[s.term(k) + 1]++;
                }
            }
            for (int c = 0; c < n; c++) {
                starts[c + 1] += starts[c];
            }
            relations = new int[starts[n]];
            int[] following = Arrays.copyOf(starts, n);
            for (int r = 0; r < s.relationCount(); r++) {
                for (int k = s.start(r); k < s.end(r); k++) {
                    relations[following[s.term(k)]++] = r;
                }
            }
            worklist = new int[s.relationCount()];
            queued = new boolean[s.relationCount()];
            for (int r = 0; r < s.relationCount(); r++) {
                enqueue(r);
            }
        }

        /** Revises the queued relations until none is left (or {@link #PASSES_MAX} is reached). */
        void propagate() {
            long maxRevisions = (long) PASSES_MAX * s.relationCount();
            for (long revisions = 0; queuedCount > 0 && revisions < maxRevisions; revisions++) {
                int r = worklist[head];
                head = (head + 1) % worklist.length;
                queuedCount--;
                queued[r] = false;
                revise(r);
            }
        }

        private void revise(int r) {
            Sum left = sum(s.start(r), s.middle(r));
            Sum right = sum(s.middle(r), s.end(r));
            for (int k = s.start(r); k < s.middle(r); k++) {
                bound(s.term(k), left, right);
            }
            for (int k = s.middle(r); k < s.end(r); k++) {
                bound(s.term(k), right, left);
            }
        }

        private Sum sum(int start, int end) {
            long mins = 0;
            long maxFinite = 0;
            int infiniteCount = 0;
            for (int k = start; k < end; k++) {
                int c = s.term(k);
                mins = Math.addExact(mins, min[c]);
                if (max[c] == INFINITE) {
                    infiniteCount++;
                } else {
                    maxFinite = Math.addExact(maxFinite, max[c]);
                }
            }
            return new Sum(mins, maxFinite, infiniteCount);
        }

        /** Cell c = Σ otherSide − Σ (itsSide without c). The sums may be stale: still valid bounds. */
        private void bound(int c, Sum itsSide, Sum otherSide) {
            long othersMax = itsSide.maxWithout(max[c]);
            long inf = othersMax == INFINITE ? Long.MIN_VALUE : Math.subtractExact(otherSide.min(), othersMax);
            long sup = otherSide.max() == INFINITE ? INFINITE
                    : Math.subtractExact(otherSide.max(), itsSide.min() - min[c]);
            tighten(c, inf, sup);
        }

        /** Narrows the interval of c to [inf, sup] and queues its relations if it moved. */
        private void tighten(int c, long inf, long sup) {
            if (inf <= min[c] && sup >= max[c]) {
                return;
            }
            min[c] = Math.max(min[c], inf);
            max[c] = Math.min(max[c], sup);
            if (min[c] > max[c]) {
                throw inconsistency("no value fits cell " + c);
            }
            determinedCount += min[c] == max[c] ? 1 : 0;
            for (int k = starts[c]; k < starts[c + 1]; k++) {
                enqueue(relations[k]);
            }
        }

        private void enqueue(int r) {
            if (!queued[r]) {
                queued[r] = true;
                worklist[(head + queuedCount++) % worklist.length] = r;
            }
        }

        /** Pins c to a value found by the algebra; its relations will be revised by the next {@link #propagate}. */
        void fix(int c, long value) {
            tighten(c, value, value);
        }

        boolean known(int c) {
            return min[c] == max[c];
        }

        long value(int c) {
            return min[c];
        }

        int determinedCount() {
            return determinedCount;
        }

        Result result() {
            boolean[] determined = new boolean[min.length];
            for (int c = 0; c < min.length; c++) {
                determined[c] = known(c);
            }
            return new Result(min, max, determined);
        }
    }

    /** Over one side of a relation: the sum of the minimums, of the finite maximums, and how many maximums are unbounded. */
    private record Sum(long min, long maxFinite, int infiniteCount) {

        long max() {
            return infiniteCount == 0 ? maxFinite : INFINITE;
        }

        /** The sum of the maximums of the side without one cell, whose own maximum is {@code maxCell}. */
        long maxWithout(long maxCell) {
            if (maxCell == INFINITE) {
                return infiniteCount == 1 ? maxFinite : INFINITE;
            }
            return infiniteCount == 0 ? maxFinite - maxCell : INFINITE;
        }
    }

    /**
     * Route (b): exact linear algebra. With every known value substituted, each relation that
     * still has unknowns becomes an equation over them. The unknowns split into connected
     * components (unknowns sharing an equation, by union-find); each component is brought to
     * reduced row echelon form on its own ({@link Echelon}), its equations smallest first. An
     * unknown is determined when its row has no other unknown (equivalently, every solution of
     * the homogeneous system is zero on it).
     */
    private static final class Elimination {

        private Elimination() {
        }

        /** Pins (in {@code bounds}) every unknown the equations determine; true if there was one. */
        static boolean fix(CellSystem s, Bounds bounds) {
            int[] parents = new int[s.size()];
            Arrays.setAll(parents, c -> c);
            Integers equations = new Integers();
            Integers firsts = new Integers();
            for (int r = 0; r < s.relationCount(); r++) {
                int first = -1;
                for (int k = s.start(r); k < s.end(r); k++) {
                    int c = s.term(k);
                    if (!bounds.known(c)) {
                        if (first < 0) {
                            first = c;
                        } else {
                            parents[root(parents, c)] = root(parents, first);
                        }
                    }
                }
                if (first >= 0) {
                    equations.add(r);
                    firsts.add(first);
                }
            }
            // the equations sorted by component: (root of its unknowns, relation)
            long[] byComponent = new long[equations.size()];
            for (int i = 0; i < byComponent.length; i++) {
                byComponent[i] = (long) root(parents, firsts.get(i)) << 32 | equations.get(i);
            }
            Arrays.sort(byComponent);
            int[] locales = new int[s.size()];
            Arrays.fill(locales, -1);
            boolean fixed = false;
            for (int start = 0, end; start < byComponent.length; start = end) {
                end = start;
                while (end < byComponent.length && byComponent[end] >>> 32 == byComponent[start] >>> 32) {
                    end++;
                }
                fixed |= solve(s, bounds, Arrays.copyOfRange(byComponent, start, end), locales);
            }
            return fixed;
        }

        private static int root(int[] parents, int c) {
            while (parents[c] != c) {
                parents[c] = parents[parents[c]];
                c = parents[c];
            }
            return c;
        }

        /**
         * Eliminates one component, whose relations are the low 32 bits of {@code relations};
         * its unknowns get local numbers 0, 1… in {@code locales}.
         */
        private static boolean solve(CellSystem s, Bounds bounds, long[] relations, int[] locales) {
            Integers cells = new Integers();
            List<Line> lines = new ArrayList<>(relations.length);
            for (long relation : relations) {
                lines.add(equation(s, bounds, (int) relation, locales, cells));
            }
            lines.sort(Comparator.comparingInt(Line::size));
            Echelon echelon = new Echelon(cells.size());
            lines.forEach(echelon::add);
            boolean fixed = false;
            for (int v = 0; v < cells.size(); v++) {
                if (echelon.determined(v)) {
                    bounds.fix(cells.get(v), echelon.value(v));
                    fixed = true;
                }
            }
            return fixed;
        }

        /**
         * Relation r with its known cells moved to the constant:
         * {@code Σ unknown left − Σ unknown right = Σ known right − Σ known left}.
         */
        private static Line equation(CellSystem s, Bounds bounds, int r, int[] locales, Integers cells) {
            long[] unknowns = new long[s.end(r) - s.start(r)]; // local number << 1 | 1 if on the right
            int n = 0;
            long constant = 0;
            for (int k = s.start(r); k < s.end(r); k++) {
                int c = s.term(k);
                boolean onRight = k >= s.middle(r);
                if (bounds.known(c)) {
                    constant = onRight ? Math.addExact(constant, bounds.value(c))
                            : Math.subtractExact(constant, bounds.value(c));
                } else {
                    if (locales[c] < 0) {
                        locales[c] = cells.size();
                        cells.add(c);
                    }
                    unknowns[n++] = (long) locales[c] << 1 | (onRight ? 1 : 0);
                }
            }
            Arrays.sort(unknowns, 0, n);
            int[] variables = new int[n];
            long[] coefficients = new long[n];
            for (int i = 0; i < n; i++) {
                variables[i] = (int) (unknowns[i] >>> 1);
                coefficients[i] = (unknowns[i] & 1) == 0 ? 1 : -1;
            }
            return new Line(variables, coefficients, constant);
        }
    }

    /**
     * The reduced row echelon form of one component's equations, kept up to date as equations
     * arrive: each row has a pivot unknown that appears in no other row, plus free unknowns.
     * Each new pivot is the free unknown found in the fewest rows (least fill-in).
     */
    private static final class Echelon {

        /** pivots[v]: the row whose pivot is v; null while v is free. */
        private final Line[] pivots;
        /** occurrences[v]: the pivots whose rows contain v (or did: checked on use). */
        private final Integers[] occurrences;

        Echelon(int unknownCount) {
            pivots = new Line[unknownCount];
            occurrences = new Integers[unknownCount];
        }

        void add(Line equation) {
            Line line = equation;
            for (int v : equation.variables()) {
                if (pivots[v] != null) {
                    line = line.eliminate(v, pivots[v]); // brings in free unknowns only
                }
            }
            if (line.size() == 0) {
                if (line.constant() != 0) {
                    throw inconsistency("the equations have no solution");
                }
                return; // a consequence of the previous equations
            }
            int p = leastPresent(line);
            Integers containingP = occurrences[p];
            occurrences[p] = null;
            for (int i = 0; containingP != null && i < containingP.size(); i++) {
                int q = containingP.get(i);
                Line before = pivots[q];
                if (before.contains(p)) {
                    Line after = before.eliminate(p, line);
                    pivots[q] = after;
                    for (int v : after.variables()) {
                        if (v != q && !before.contains(v)) {
                            linesWith(v).add(q);
                        }
                    }
                }
            }
            pivots[p] = line;
            for (int v : line.variables()) {
                if (v != p) {
                    linesWith(v).add(p);
                }
            }
        }

        private int leastPresent(Line line) {
            int best = line.variables()[0];
            for (int v : line.variables()) {
                if (linesWith(v).size() < linesWith(best).size()) {
                    best = v;
                }
            }
            return best;
        }

        private Integers linesWith(int v) {
            if (occurrences[v] == null) {
                occurrences[v] = new Integers();
            }
            return occurrences[v];
        }

        /** Whether v is a pivot whose row holds no free unknown: {@code a·v = b}. */
        boolean determined(int v) {
            return pivots[v] != null && pivots[v].size() == 1;
        }

        long value(int v) {
            Line line = pivots[v];
            long a = line.coefficients()[0];
            if (line.constant() % a != 0) {
                throw inconsistency("a count would not be a whole number");
            }
            return line.constant() / a;
        }
    }

    /**
     * A sparse equation with exact integer coefficients:
     * {@code Σ coefficients[i]·x[variables[i]] = constant}, variables increasing, no zero coefficient.
     */
    private record Line(int[] variables, long[] coefficients, long constant) {

        int size() {
            return variables.length;
        }

        boolean contains(int v) {
            return Arrays.binarySearch(variables, v) >= 0;
        }

        private long coefficient(int v) {
            return coefficients[Arrays.binarySearch(variables, v)];
        }

        /**
         * This equation combined with {@code pivot} (which also contains v) so that v cancels:
         * {@code (b/g)·this − (a/g)·pivot}, with a and b the coefficients of v and g their gcd;
         * then divided by the gcd of all its numbers.
         */
        Line eliminate(int v, Line pivot) {
            long a = coefficient(v);
            long b = pivot.coefficient(v);
            long g = gcd(a, b);
            long factor = b / g;
            long pivotFactor = a / g;
            int[] vars = new int[size() + pivot.size()];
            long[] coefs = new long[vars.length];
            int n = 0;
            for (int i = 0, j = 0; i < size() || j < pivot.size(); ) {
                int vi = i < size() ? variables[i] : Integer.MAX_VALUE;
                int vj = j < pivot.size() ? pivot.variables[j] : Integer.MAX_VALUE;
                int var = Math.min(vi, vj);
                long coef = 0;
                if (vi == var) {
                    coef = Math.multiplyExact(factor, coefficients[i++]);
                }
                if (vj == var) {
                    coef = Math.subtractExact(coef, Math.multiplyExact(pivotFactor, pivot.coefficients[j++]));
                }
                if (coef != 0) {
                    vars[n] = var;
                    coefs[n++] = coef;
                }
            }
            long c = Math.subtractExact(Math.multiplyExact(factor, constant),
                    Math.multiplyExact(pivotFactor, pivot.constant));
            return reduced(Arrays.copyOf(vars, n), Arrays.copyOf(coefs, n), c);
        }

        private static Line reduced(int[] variables, long[] coefficients, long constant) {
            long g = gcd(constant, 0);
            for (long coef : coefficients) {
                g = gcd(g, coef);
            }
            if (g > 1) {
                for (int i = 0; i < coefficients.length; i++) {
                    coefficients[i] /= g;
                }
                constant /= g;
            }
            return new Line(variables, coefficients, constant);
        }

        private static long gcd(long a, long b) {
            a = Math.absExact(a);
            b = Math.absExact(b);
            while (b != 0) {
                long rest = a % b;
                a = b;
                b = rest;
            }
            return a;
        }
    }

    /** A growable list of ints, without boxing. */
    private static final class Integers {

        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }
    }
}
