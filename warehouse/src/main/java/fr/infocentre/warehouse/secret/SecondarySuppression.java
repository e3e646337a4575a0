package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.engine.Statistics;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Primary and secondary suppression over the linked tables of one rapport and millésime.
 *
 * <p>Every published count from 1 to {@value SecretStatistique#MAX_THRESHOLD} is masked (primary).
 * Then each primary cell gets a <em>witness</em>: a change of the communes' counts that keeps
 * every published cell of every linked table as it is, stays consistent with what the public
 * knows (counts ≥ 0: a secondary cell may be a 0, so a masked count may be one), and changes the
 * primary cell.
 * Its existence proves that the primary cell is not a linear combination of the published cells
 * (the property GaussSuppression, Statistics Norway, establishes by Gaussian elimination) nor
 * pinned by them under those bounds: the values before and after the change are both possible. A
 * witness moves one unit between two communes x and y (or into x alone), between two lines k and
 * k' (or into the total), between two count columns c and c' (or into their sums); every
 * published cell it changes — the cells of the territories holding x but not y (or y but not x)
 * on the changed lines and columns — is masked (secondary), so the published cells stay as they are.
 *
 * <p>No witness masks a cell at national level, or a total at région or département level, while
 * another witness exists; next, only the splits of those totals (mutation, hors mutation) may be
 * masked, never their headline column ({@link Keep}); only when a primary cell leaves no other
 * choice is a headline masked. A primary cell protected beyond the first tier is reported
 * ({@link Result#forced}).
 *
 * <p>For each primary cell (widest levels first), the cheapest witness is chosen among nearby
 * communes (same EPCI and département first, then same département, same EPCI, same region, then
 * the commune holding most of the cell in every other region; those holding a unit to give first;
 * for a département's cell, also the communes of the région's other départements where that cell
 * is masked already, so that two small cells of a line protect each other)
 * and every pair of lines and columns: its cost is the sum of the cells it newly masks, each
 * weighted by its level and by whether it is a total, so small cells and communes are masked
 * rather than totals and wider levels. Cells already masked cost nothing, so the pattern stays
 * compact. A witness moving a unit into one commune alone is the last resort. A primary cell
 * already changed by an earlier witness needs none. Every choice follows a fixed order: the
 * same data gives the same pattern.
 *
 * <p>Figures an earlier release published ({@link FixedFigures}) keep their status: one it
 * masked is masked here and needs no witness (its own release gave it one, over the same links),
 * one it showed is never masked, so no witness may change it.
 */
public final class SecondarySuppression {

    private static final int CANDIDATES_X = 12;
    private static final int CANDIDATES_Y = 24;
    /** At most so many candidates y of one département in the region's rank, so that several départements are tried. */
    private static final int Y_PER_DEPARTEMENT = 4;
    private static final int EXAMINED_Y = 2_000;
    private static final int COMPENSATED_X = 4;
    private static final int COMPENSATED_Y = 8;
    private static final int HOLDERS = 5;
    /** The communes x tried with the communes of the other territories of a région or département's parent. */
    private static final int SIBLING_X = 3;
    /** Weight of a cell by level (Level ordinal: national, région, département, EPCI, commune). */
    private static final long[] LEVEL_WEIGHT = {4096, 64, 16, 4, 1};
    private static final long TOTAL_WEIGHT = 4;
    private static final long SUM_WEIGHT = 2;
    static final int UP = 1;
    static final int DOWN = 2;

    /**
     * The cells a witness may not newly mask ({@link #kept}), tier after tier: a primary cell
     * protected beyond the first tier is reported as forced.
     */
    enum Keep {
        /** Every national cell, and every cell of the total line at région and département level. */
        ALL,
        /**
         * Every national cell, and the headline columns of those total lines (a column no other
         * column sums: the total people read); their splits (mutation, hors mutation) may be masked.
         */
        HEADLINES,
        /** None: the last resort. */
        NONE
    }

    final LinkedTables tables;
    /**
     * Whether the rapport's total line is a figure other rapports publish too ({@link FamilySuppression}):
     * its own witnesses then never change the total line, only the family's shared moves do.
     */
    private final boolean shared;
    private final boolean[][][] mask;
    private final boolean[][][] protected_;
    private final boolean[][][] primary;
    /** The witnesses of région and département primary cells, revised once every cell is protected. */
    private final RevisableWitnesses revisable = new RevisableWitnesses();
    /** Non-empty communes of each territory, smallest first. */
    private final Map<Integer, List<Integer>> communesOf = new HashMap<>();
    /** (commune, line, column) → the commune beside it holding the most of that cell ({@link #holderBeside}). */
    private final Map<Long, Integer> holders = new HashMap<>();
    /** (territory, line, column) → its communes holding the most of that cell ({@link #holdersIn}). */
    private final Map<Long, List<Integer>> largestHolders = new HashMap<>();
    /** The primary cells whose witness had to mask a kept cell. */
    private final List<int[]> forced = new ArrayList<>();
    /**
     * The cells whose mask a total figure's rapports fixed, tied here by the identity, for which
     * no witness of this rapport was found: only the joint attack vouches for them.
     */
    private final List<int[]> unwitnessed = new ArrayList<>();
    /** The region territories, by index. */
    private final List<Integer> regions = new ArrayList<>();
    /** [count column] → whether no other column sums it ({@link Keep#HEADLINES}). */
    private final boolean[] headline;

    SecondarySuppression(LinkedTables tables, boolean shared) {
        this.tables = tables;
        this.shared = shared;
        int n = tables.size(), l = tables.lines.size(), c = tables.columns.size();
        this.mask = new boolean[n][l][c];
        this.protected_ = new boolean[n][l][c];
        this.primary = new boolean[n][l][c];
        this.headline = new boolean[c];
        for (int j = 0; j < c; j++) {
            headline[j] = true;
            for (int s = 0; s < c; s++) {
                headline[j] &= !tables.contains(s, j);
            }
        }
        List<Integer> leaves = new ArrayList<>(tables.nonEmptyLeaves());
        leaves.sort(Comparator.comparingLong(tables::sum));
        for (int t = 0; t < tables.size(); t++) {
            if (tables.level(t) == Level.REGION) {
                regions.add(t);
            }
        }
        for (int f : leaves) {
            for (int p : tables.parents(f)) {
                if (p >= 0) {
                    communesOf.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
                }
            }
        }
    }

    /** The masking pattern: [territory][line][count column] → masked (primary or secondary). */
    public static Result choosePattern(LinkedTables tables) {
        SecondarySuppression s = new SecondarySuppression(tables, false);
        for (Cell p : s.markPrimaries()) {
            if (!s.isProtected(p)) {
                s.protect(p);
            }
        }
        s.revise();
        return s.result();
    }

    /**
     * The masking patterns of rapports whose total line is the same figure (one {@code total_figure}),
     * chosen together so that a figure they share has one status and no combination of them
     * recomputes a masked count ({@link FamilySuppression}).
     */
    public static List<Result> choosePatterns(List<LinkedTables> family) {
        if (family.size() == 1) {
            return List.of(choosePattern(family.get(0)));
        }
        return FamilySuppression.choosePatterns(family);
    }

    Result result() {
        return new Result(mask, primary, List.copyOf(forced), List.copyOf(unwitnessed));
    }

    /**
     * The pattern, which masked cells are primary (counts 1 to 10), the primary cells that left
     * no other choice than masking a kept cell ({@link #kept}), and the masked cells repeated from
     * a total figure for which no witness was found here ({@link #unwitnessed}): territory, line,
     * column indices.
     */
    public record Result(boolean[][][] mask, boolean[][][] primary, List<int[]> forced, List<int[]> unwitnessed) {
    }

    record Cell(int t, int l, int j) {
    }

    /**
     * A witness: communes x, y (−1: none), lines k, k2 (−1: the total), columns c, c2 (−1: their
     * sums). A <em>compensated</em> witness (x2 ≥ 0) moves a unit of line k from y to x and a unit
     * of line k2 from x2 to y2, x2 beside x and y2 beside y: the totals of the territories holding
     * x and x2 (or y and y2) stay as they are. A witness with an {@code also} is the sum of its own
     * move and those along its chain of {@code also}.
     */
    record Witness(int x, int y, int k, int k2, int c, int c2, int x2, int y2, Witness also) {

        Witness(int x, int y, int k, int k2, int c, int c2) {
            this(x, y, k, k2, c, c2, -1, -1, null);
        }

        Witness(int x, int y, int k, int k2, int c, int c2, int x2, int y2) {
            this(x, y, k, k2, c, c2, x2, y2, null);
        }
    }

    /**
     * Masks every primary cell (and holds what was fixed: {@link FixedFigures}); returns the cells
     * to protect, widest levels first, in a fixed order: the primary cells, and the fixed masked
     * cells tied to this rapport's free cells, which their own protection did not see — of a line
     * in the dimension's identity, of a total line, or of a line under a total line, where some
     * line of that column is not fixed (TAB02-04's months under their sum, TAB04-09's lines beside
     * LOCATAIRE_HLM). A fixed masked cell standing alone, or among lines all fixed with their
     * total (TAB04-16 repeats TAB03-12's lines and total), was protected where it was fixed, over
     * the same links.
     */
    List<Cell> markPrimaries() {
        List<Cell> primaries = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            for (int l = 0; l < tables.lines.size(); l++) {
                for (int j = 0; j < tables.columns.size(); j++) {
                    long v = tables.value(t, l, j);
                    FixedFigures.Status fixed = tables.fixed(t, l, j);
                    if (fixed == FixedFigures.Status.MASKED) {
                        mask[t][l][j] = true;
                        primary[t][l][j] = v >= 1 && v <= SecretStatistique.MAX_THRESHOLD;
                        boolean summed = l == tables.total || tables.publishedTotal;
                        if (tables.side[l] != 0 || summed && !linesFixed(t, j)) {
                            primaries.add(new Cell(t, l, j)); // tied to this rapport's free cells
                        } else {
                            protected_[t][l][j] = true; // protected where it was fixed, over the same links
                        }
                    } else if (fixed == FixedFigures.Status.FREE && tables.publishedCell(t, l)
                            && v >= 1 && v <= SecretStatistique.MAX_THRESHOLD) {
                        primaries.add(new Cell(t, l, j));
                        mask[t][l][j] = true;
                        primary[t][l][j] = true;
                    }
                }
            }
        }
        primaries.sort(Comparator.comparingInt((Cell p) -> tables.level(p.t()).ordinal())
                .thenComparing(p -> tables.territoires.get(p.t()).code())
                .thenComparingInt(Cell::l).thenComparingInt(Cell::j));
        return primaries;
    }

    /** Whether every available category line of column j of territory t has its status fixed. */
    private boolean linesFixed(int t, int j) {
        for (int k = 0; k < tables.total; k++) {
            if (tables.availableLine[k] && tables.fixed(t, k, j) == FixedFigures.Status.FREE) {
                return false;
            }
        }
        return true;
    }

    /** Territory t's non-empty communes, smallest first. */
    List<Integer> communesIn(int t) {
        return communesOf.getOrDefault(t, List.of());
    }

    boolean masked(int t, int l, int j) {
        return mask[t][l][j];
    }

    boolean isProtected(Cell p) {
        return protected_[p.t()][p.l()][p.j()];
    }

    void recordForced(Cell p) {
        forced.add(new int[]{p.t(), p.l(), p.j()});
    }

    /**
     * Protects p with its cheapest witness keeping every {@link #kept} cell ({@link #ownWitness}); only
     * when there is none, with the cheapest masking fewer of them, tier after tier, p then reported as
     * forced.
     */
    private void protect(Cell p) {
        Witness w = ownWitness(p, Keep.ALL);
        if (w != null) {
            applyOwn(p, w);
            return;
        }
        for (Keep keep : List.of(Keep.HEADLINES, Keep.NONE)) {
            w = ownWitness(p, keep);
            if (w != null) {
                recordForced(p);
                apply(w);
                return;
            }
        }
        if (tables.fixed(p.t(), p.l(), p.j()) == FixedFigures.Status.MASKED) {
            unwitnessed.add(new int[]{p.t(), p.l(), p.j()}); // its mask was fixed by a total figure's rapports: the joint attack checks it
            return;
        }
        throw new IllegalStateException("No witness for primary cell " + tables.territoires.get(p.t()) + " "
                + tables.lines.get(p.l()) + " " + tables.columns.get(p.j()));
    }

    /**
     * The cheapest witness of this rapport alone: between two communes (for a category cell of a
     * région or département, also with the communes of the other territories holding each line, and
     * split between communes: {@link #siblingHolders}, {@link #bestSplit}), else into one commune
     * alone, else, while keeping every {@link #kept} cell and unless the total line is shared (a
     * compensated witness changes communes' totals), a compensated one; null when none.
     */
    Witness ownWitness(Cell p, Keep keep) {
        List<Integer> xs = candidatesX(p);
        Level level = tables.level(p.t());
        Witness best = bestWitness(p, xs, false, keep);
        List<Witness> others = new ArrayList<>();
        if (level == Level.DEPARTEMENT) {
            // paired with another département of the région where the same cell is masked already
            others.add(bestWitness(p, xs, maskedBeside(p, Level.REGION.ordinal()), keep));
        }
        boolean regional = (level == Level.REGION || level == Level.DEPARTEMENT) && tables.movableLine(p.l());
        List<Integer> siblings = regional ? siblings(p) : List.of();
        List<Integer> nearest = xs.subList(0, Math.min(SIBLING_X, xs.size()));
        if (regional) {
            others.add(bestWitness(p, nearest, siblingHolders(p, siblings), keep));
        }
        for (Witness w : others) {
            if (w != null && (best == null || cost(w, Long.MAX_VALUE) < cost(best, Long.MAX_VALUE))) {
                best = w;
            }
        }
        if (regional) {
            long plafond = best == null ? Long.MAX_VALUE : cost(best, Long.MAX_VALUE);
            Witness split = plafond > 0 ? bestSplit(p, nearest, siblings, keep, plafond) : null;
            best = split == null ? best : split;
        }
        if (best == null) {
            best = bestWitness(p, xs, true, keep);
        }
        if (best == null && keep == Keep.ALL && !shared) {
            best = bestCompensated(p, xs);
        }
        for (int scope = level.ordinal() - 1; best == null && scope >= 0
                && tables.fixed(p.t(), p.l(), p.j()) == FixedFigures.Status.MASKED; scope--) {
            best = bestWitness(p, xs, maskedBeside(p, scope), keep);
        }
        return best;
    }

    /**
     * For a cell whose mask was fixed elsewhere (a total figure's rapports masked it, so they masked
     * a cell beside it too, in its parent or further): the communes under p's ancestor at level
     * {@code scope}, outside p, whose territory at p's level has p's cell masked, those holding
     * the most of it first, at most {@value #CANDIDATES_Y}.
     */
    private List<Integer> maskedBeside(Cell p, int scope) {
        int level = tables.level(p.t()).ordinal();
        List<Integer> inside = communesOf.getOrDefault(p.t(), List.of());
        if (level == Level.COMMUNE.ordinal() || inside.isEmpty()) {
            return List.of();
        }
        int parent = tables.parents(inside.get(0))[scope];
        List<Integer> beside = new ArrayList<>();
        for (int f : communesOf.getOrDefault(parent, List.of())) {
            int t = tables.parents(f)[level];
            if (t >= 0 && t != p.t() && mask[t][p.l()][p.j()]) {
                beside.add(f);
            }
        }
        beside.sort(Comparator.comparingLong((Integer f) -> -tables.value(f, p.l(), p.j())));
        return beside.subList(0, Math.min(CANDIDATES_Y, beside.size()));
    }

    private Witness bestWitness(Cell p, List<Integer> xs, boolean alone, Keep keep) {
        return bestWitness(p, xs, alone ? x -> List.of(-1) : x -> candidatesY(x, p), keep);
    }

    private Witness bestWitness(Cell p, List<Integer> xs, List<Integer> ys, Keep keep) {
        return bestWitness(p, xs, x -> ys, keep);
    }

    private Witness bestWitness(Cell p, List<Integer> xs, Function<Integer, List<Integer>> ysOf, Keep keep) {
        Witness best = null;
        long minCost = Long.MAX_VALUE;
        for (int x : xs) {
            for (int y : ysOf.apply(x)) {
                for (int[] kk : lines(p)) {
                    for (int[] cc : columns(p)) {
                        Witness w = new Witness(x, y, kk[0], kk[1], cc[0], cc[1]);
                        if (valid(w, keep)) {
                            long cost = cost(w, minCost);
                            if (cost < minCost) {
                                minCost = cost;
                                best = w;
                                if (cost == 0) {
                                    return best;
                                }
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /**
     * The cheapest compensated witness keeping every {@link #kept} cell, for a primary cell of a
     * category line below the national level (where tiny counts often leave no
     * rectangle): among the first {@value #COMPENSATED_X} x and {@value #COMPENSATED_Y} y, every
     * other line k2, x2 and y2 the communes beside x and y holding the most of it.
     */
    private Witness bestCompensated(Cell p, List<Integer> xs) {
        Level level = tables.level(p.t());
        if (p.l() == tables.total || tables.side[p.l()] != 0 || tables.coupled(p.l()) || level == Level.NATIONAL) {
            return null;
        }
        Witness best = null;
        long minCost = Long.MAX_VALUE;
        for (int x : xs.subList(0, Math.min(COMPENSATED_X, xs.size()))) {
            List<Integer> ys = candidatesY(x, p);
            for (int y : ys.subList(0, Math.min(COMPENSATED_Y, ys.size()))) {
                for (int k2 = 0; k2 < tables.total; k2++) {
                    if (k2 == p.l() || !tables.movableLine(k2)) {
                        continue;
                    }
                    for (int[] cc : columns(p)) {
                        int x2 = holderBeside(x, k2, cc[0]), y2 = holderBeside(y, k2, cc[0]);
                        if (x2 < 0 || y2 < 0) {
                            continue;
                        }
                        Witness w = new Witness(x, y, p.l(), k2, cc[0], cc[1], x2, y2);
                        if (valid(w, Keep.ALL)) {
                            long cost = cost(w, minCost);
                            if (cost < minCost) {
                                minCost = cost;
                                best = w;
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The other territories of p's level under the same parent (other départements of its région, other régions), in index order. */
    private List<Integer> siblings(Cell p) {
        int level = tables.level(p.t()).ordinal();
        List<Integer> inside = communesOf.getOrDefault(p.t(), List.of());
        List<Integer> siblings = new ArrayList<>();
        if (inside.isEmpty()) {
            return siblings;
        }
        for (int f : communesOf.getOrDefault(tables.parents(inside.get(0))[level - 1], List.of())) {
            int t = tables.parents(f)[level];
            if (t >= 0 && t != p.t() && !siblings.contains(t)) {
                siblings.add(t);
            }
        }
        siblings.sort(Comparator.naturalOrder());
        return siblings;
    }

    /**
     * In each sibling territory of p, the commune holding the most of each line in p's column (or
     * in each column it sums). A witness moving p's unit to another line must take a unit of that
     * line from a commune of the other territory that holds one: for a rare line, few communes do,
     * and the nearest communes seldom among them.
     */
    private List<Integer> siblingHolders(Cell p, List<Integer> siblings) {
        int[] members = tables.members[p.j()] == null ? new int[]{p.j()} : tables.members[p.j()];
        List<Integer> partners = new ArrayList<>();
        for (int t : siblings) {
            for (int k = 0; k < tables.total; k++) {
                for (int c : members) {
                    int most = mostOf(t, k, c);
                    if (most >= 0 && !partners.contains(most)) {
                        partners.add(most);
                    }
                }
            }
        }
        return partners;
    }

    /** The commune of territory t holding the most of line k, column c (at least 1), −1 when none does or k does not move. */
    private int mostOf(int t, int k, int c) {
        List<Integer> most = tables.movableLine(k) ? holdersIn(t, k, c) : List.of();
        return most.isEmpty() ? -1 : most.get(0);
    }

    /**
     * For a category cell of a région or département, in a column split in two (mutation, hors
     * mutation): the cheapest <em>split</em> witness costing less than {@code plafond}. It changes
     * p's territory and a sibling by a rectangle of lines (p's, k2) and columns (p's, c2), opposite
     * ways, as a witness between two communes does; but each territory's two corners are carried by
     * two of its communes, each moving a unit between the two lines in one column, so that no
     * commune's total changes. A commune holding p's small cell seldom holds a unit of the other
     * line and column too, so without it the witness must take the column's sum, masking it in both
     * territories. For the communes x given, every sibling, other line k2 and split column c2: y is
     * the sibling's commune holding the most of p's line or of k2 in p's column (the one that
     * gives a unit back, whichever way the move goes); x2 and y2 are x and y, or the commune beside
     * each holding the most of a corner they lack.
     */
    private Witness bestSplit(Cell p, List<Integer> xs, List<Integer> siblings, Keep keep, long plafond) {
        Witness best = null;
        long minCost = plafond;
        for (int x : xs) {
            for (int t : siblings) {
                for (int[] cc : columns(p)) {
                    for (int k2 = 0; cc[1] >= 0 && k2 < tables.total; k2++) {
                        if (k2 == p.l() || !tables.movableLine(k2)) {
                            continue;
                        }
                        for (int y : new int[]{mostOf(t, k2, cc[0]), mostOf(t, p.l(), cc[0])}) {
                            for (int x2 : y < 0 ? List.<Integer>of() : carriers(x, p.l(), k2, cc[1])) {
                                for (int y2 : carriers(y, p.l(), k2, cc[1])) {
                                    Witness w = split(x, x2, y, y2, p.l(), k2, cc[0], cc[1]);
                                    long cost = cost(w, minCost);
                                    if (cost < minCost && valid(w, keep)) {
                                        minCost = cost;
                                        best = w;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /** f, and the communes beside it holding the most of line k, then k2, in column c (those that exist, once each). */
    private List<Integer> carriers(int f, int k, int k2, int c) {
        List<Integer> carriers = new ArrayList<>(List.of(f));
        for (int g : new int[]{holderBeside(f, k, c), holderBeside(f, k2, c)}) {
            if (g >= 0 && !carriers.contains(g)) {
                carriers.add(g);
            }
        }
        return carriers;
    }

    /**
     * The split witness: x gains a unit of (k, c) from its line k2, x2 one of (k2, c2) from its line k;
     * y and y2 the reverse. x, x2 in one territory and y, y2 in the other, the territories holding
     * all four see no change.
     */
    private static Witness split(int x, int x2, int y, int y2, int k, int k2, int c, int c2) {
        Witness last = new Witness(y2, -1, k, k2, c2, -1);
        Witness third = new Witness(y, -1, k2, k, c, -1, -1, -1, last);
        Witness second = new Witness(x2, -1, k2, k, c2, -1, -1, -1, third);
        return new Witness(x, -1, k, k2, c, -1, -1, -1, second);
    }

    /**
     * The {@value #HOLDERS} communes of territory t holding the most of line l, column c (at least
     * 1 each), most first.
     */
    List<Integer> holdersIn(int t, int l, int c) {
        long key = ((long) t * tables.lines.size() + l) * tables.columns.size() + c;
        return largestHolders.computeIfAbsent(key, k -> {
            List<Integer> holding = new ArrayList<>();
            for (int g : communesOf.getOrDefault(t, List.of())) {
                if (tables.value(g, l, c) >= 1) {
                    holding.add(g);
                }
            }
            holding.sort(Comparator.comparingLong((Integer g) -> -tables.value(g, l, c)));
            return List.copyOf(holding.subList(0, Math.min(HOLDERS, holding.size())));
        });
    }

    /**
     * The commune of f's EPCI and département (else of f's département) holding the most of line
     * l, column c (at least 1, so that a unit can leave it), −1 when none does.
     */
    int holderBeside(int f, int l, int c) {
        int[] pf = tables.parents(f);
        int dep = pf[Level.DEPARTEMENT.ordinal()], epci = pf[Level.EPCI.ordinal()];
        long key = ((long) f * tables.lines.size() + l) * tables.columns.size() + c;
        return holders.computeIfAbsent(key, k -> {
            for (int scope : epci >= 0 ? new int[]{epci, dep} : new int[]{dep}) {
                int best = -1;
                for (int g : communesOf.getOrDefault(scope, List.of())) {
                    if (tables.parents(g)[Level.DEPARTEMENT.ordinal()] == dep && tables.value(g, l, c) >= 1
                            && (best < 0 || tables.value(g, l, c) > tables.value(best, l, c))) {
                        best = g;
                    }
                }
                if (best >= 0) {
                    return best;
                }
            }
            return -1;
        });
    }

    /**
     * The communes x the witness may start from: p's own commune, or the communes of p's territory
     * holding the largest parts of p's cell (the likeliest to allow a move), at most {@value #CANDIDATES_X};
     * for a cell of 0 (a mask fixed elsewhere), the territory's largest communes.
     */
    List<Integer> candidatesX(Cell p) {
        if (tables.level(p.t()) == Level.COMMUNE) {
            return List.of(p.t());
        }
        List<Integer> x = new ArrayList<>();
        for (int f : communesOf.getOrDefault(p.t(), List.of())) {
            if (tables.value(f, p.l(), p.j()) >= 1) {
                x.add(f);
            }
        }
        x.sort(Comparator.comparingLong((Integer f) -> -tables.value(f, p.l(), p.j())));
        if (x.isEmpty()) { // a 0 whose mask was fixed elsewhere: a unit can only come in, into any commune
            List<Integer> communes = communesOf.getOrDefault(p.t(), List.of());
            for (int i = communes.size() - 1; i >= 0 && x.size() < CANDIDATES_X; i--) {
                x.add(communes.get(i));
            }
        }
        return x.subList(0, Math.min(CANDIDATES_X, x.size()));
    }

    /**
     * The {@code count} largest communes (by their counts' sum) of territory {@code t} outside
     * p's territory, largest first: every line of them is likely to hold a unit to move.
     */
    List<Integer> largestCommunes(int t, Cell p, int count) {
        List<Integer> communes = communesOf.getOrDefault(t, List.of());
        int levelP = tables.level(p.t()).ordinal();
        List<Integer> largest = new ArrayList<>();
        for (int i = communes.size() - 1; i >= 0 && largest.size() < count; i--) {
            int f = communes.get(i);
            if (tables.parents(f)[levelP] != p.t()) {
                largest.add(f);
            }
        }
        return largest;
    }

    /**
     * The communes y outside p's territory a witness may move a unit of p's cell with, nearest
     * first: same EPCI and département as x, same département, same EPCI, same region, then, in
     * every other region, the commune holding the most of that cell (in the region, at most
     * {@value #Y_PER_DEPARTEMENT} per département: the départements beside x's are all tried, not
     * only the largest's communes, whose cells would then be masked for every neighbour). Communes holding a unit in
     * p's column come first (a unit of p's line they can give x, or of another line they can give
     * x for x's unit of p's line); at most {@value #CANDIDATES_Y}, among the first
     * {@value #EXAMINED_Y} communes looked at in each tier.
     */
    List<Integer> candidatesY(int x, Cell p) {
        List<Integer> y = new ArrayList<>();
        if (tables.level(p.t()) != Level.NATIONAL) {
            for (long minimum = 1; minimum >= 0 && y.size() < CANDIDATES_Y; minimum--) {
                addCandidatesY(x, p, minimum, y);
            }
        }
        return y;
    }

    private void addCandidatesY(int x, Cell p, long minimum, List<Integer> y) {
        int levelP = tables.level(p.t()).ordinal();
        int[] px = tables.parents(x);
        int dep = Level.DEPARTEMENT.ordinal(), epci = Level.EPCI.ordinal(), reg = Level.REGION.ordinal();
        List<Function<int[], Boolean>> ranks = List.of(
                q -> q[dep] == px[dep] && q[epci] == px[epci],
                q -> q[dep] == px[dep],
                q -> px[epci] >= 0 && q[epci] == px[epci],
                q -> q[reg] == px[reg]);
        List<List<Integer>> sources = List.of(
                communesOf.getOrDefault(px[dep], List.of()), communesOf.getOrDefault(px[dep], List.of()),
                px[epci] >= 0 ? communesOf.getOrDefault(px[epci], List.of()) : List.of(),
                communesOf.getOrDefault(px[reg], List.of()));
        for (int r = 0; r <= ranks.size() && y.size() < CANDIDATES_Y; r++) {
            List<Integer> source = r < ranks.size() ? sources.get(r) : bestByRegion(px[reg], p);
            int examined = 0;
            for (int f : source) {
                int[] pf = tables.parents(f);
                boolean alreadySeen = false;
                for (int before = 0; before < Math.min(r, ranks.size()); before++) {
                    alreadySeen |= ranks.get(before).apply(pf);
                }
                if (f == x || alreadySeen || r < ranks.size() && !ranks.get(r).apply(pf) || pf[levelP] == p.t()
                        || y.contains(f) || r == ranks.size() - 1 && fromDepartement(y, pf[dep]) >= Y_PER_DEPARTEMENT) {
                    continue;
                }
                if (++examined > EXAMINED_Y || y.size() == CANDIDATES_Y) {
                    break;
                }
                if (gives(x, f, p, minimum)) {
                    y.add(f);
                }
            }
        }
    }

    private int fromDepartement(List<Integer> communes, int departement) {
        int n = 0;
        for (int f : communes) {
            n += tables.parents(f)[Level.DEPARTEMENT.ordinal()] == departement ? 1 : 0;
        }
        return n;
    }

    /**
     * Whether, in a column fed by the SQL that p's column counts and where x holds a unit of p's
     * line, y holds at least {@code minimum} on some line: a unit y can give x on p's line, or on
     * another line while x gives y its unit of p's line.
     */
    private boolean gives(int x, int y, Cell p, long minimum) {
        int[] members = tables.members[p.j()] == null ? new int[]{p.j()} : tables.members[p.j()];
        for (int c : members) {
            if (tables.value(x, p.l(), c) >= 1) {
                for (int k = 0; k < tables.total; k++) {
                    if (tables.value(y, k, c) >= minimum) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** In every region but {@code region}, the commune holding the most of p's cell (regions in index order). */
    private List<Integer> bestByRegion(int region, Cell p) {
        List<Integer> bests = new ArrayList<>();
        for (int r : regions) {
            if (r == region) {
                continue;
            }
            int best = -1;
            for (int f : communesOf.getOrDefault(r, List.of())) {
                if (best < 0 || tables.value(f, p.l(), p.j()) > tables.value(best, p.l(), p.j())) {
                    best = f;
                }
            }
            if (best >= 0) {
                bests.add(best);
            }
        }
        return bests;
    }

    /**
     * Pairs (k, k2) of lines changing p's line: p's category against another or the total; for a
     * total, every category. Under an accounting identity between lines, a move must keep it:
     * two lines of the same side move in opposite directions, of opposite sides in the same
     * direction (the cells changed are the same), and a line of the identity never moves alone.
     * When the total line is shared, no pair changes it; a coupled line is in no pair.
     */
    private List<int[]> lines(Cell p) {
        List<int[]> pairs = new ArrayList<>();
        if (tables.coupled(p.l())) {
            return pairs; // moved only with the rapports holding it too (FamilySuppression)
        }
        if (p.l() == tables.total) {
            for (int k = 0; !shared && k < tables.total; k++) {
                if (tables.movableLine(k)) {
                    pairs.add(new int[]{k, -1});
                }
            }
            return pairs;
        }
        for (int k2 = 0; k2 < tables.total; k2++) {
            boolean sameSide = tables.side[k2] * tables.side[p.l()] > 0;
            if (k2 != p.l() && tables.availableLine[k2] && !tables.coupled(k2)
                    && (tables.side[k2] == 0) == (tables.side[p.l()] == 0)
                    && (!shared || tables.side[k2] == 0 || sameSide)) {
                pairs.add(new int[]{p.l(), k2});
            }
        }
        if (tables.side[p.l()] == 0 && !shared) {
            pairs.add(new int[]{p.l(), -1});
        }
        return pairs;
    }

    /** Pairs (c, c2) of columns fed by the SQL changing p's column. */
    List<int[]> columns(Cell p) {
        List<int[]> pairs = new ArrayList<>();
        int[] members = tables.members[p.j()];
        List<Integer> cs = new ArrayList<>();
        if (members == null) {
            cs.add(p.j());
        } else {
            for (int m : members) {
                cs.add(m);
            }
        }
        for (int c : cs) {
            for (int c2 = 0; c2 < tables.columns.size(); c2++) {
                if (tables.members[c2] == null && c2 != c && (members == null || !tables.contains(p.j(), c2))) {
                    pairs.add(new int[]{c, c2});
                }
            }
            pairs.add(new int[]{c, -1});
        }
        return pairs;
    }

    /**
     * Whether the witness can move at least one way (all its changes +1·coef or all −1·coef)
     * while staying consistent with what the public knows: every count it changes stays ≥ 0 (a
     * published cell it changes is masked, and the public knows only that a masked count is ≥ 0,
     * since a secondary cell may be a 0). A figure an earlier release showed stays shown:
     * a witness changing it is not valid. Neither is one masking a cell {@link #kept} in tier
     * {@code keep}.
     */
    private boolean valid(Witness w, Keep keep) {
        return directions(w, keep) != 0;
    }

    /** Up (1: +1·coef possible), down (2: −1·coef possible), both (3) or neither (0), as {@link #valid}. */
    int directions(Witness w, Keep keep) {
        boolean[] direction = {true, true};
        changedCells(w, (t, l, j, coef) -> {
            long v = tables.value(t, l, j);
            if (tables.fixed(t, l, j) == FixedFigures.Status.SHOWN
                    || tables.publishedCell(t, l) && !mask[t][l][j] && kept(t, l, j, keep)) {
                direction[0] = false;
                direction[1] = false;
            }
            direction[0] &= v + coef >= 0;
            direction[1] &= v - coef >= 0;
        });
        return (direction[0] ? UP : 0) | (direction[1] ? DOWN : 0);
    }

    /**
     * A cell no witness masks in tier {@code keep} while another witness exists: every cell at
     * national level, and the total line at région and département level (in {@link Keep#HEADLINES},
     * its headline columns only) — the figures people come to read.
     */
    private boolean kept(int t, int l, int j, Keep keep) {
        Level level = tables.level(t);
        if (keep == Keep.NONE) {
            return false;
        }
        return level == Level.NATIONAL || l == tables.total && level.ordinal() <= Level.DEPARTEMENT.ordinal()
                && (keep == Keep.ALL || headline[j]);
    }

    /**
     * The weighted sum of the published cells the witness would newly mask, each counting its
     * value + 1 (as GaussSuppression orders its candidates: a masked 0 costs too), stops above
     * {@code plafond}.
     */
    long cost(Witness w, long plafond) {
        long[] cost = {0};
        changedCells(w, (t, l, j, coef) -> {
            if (tables.publishedCell(t, l) && !mask[t][l][j] && cost[0] < plafond) {
                long weight = LEVEL_WEIGHT[tables.level(t).ordinal()] * (l == tables.total ? TOTAL_WEIGHT : 1)
                        * (tables.members[j] != null ? SUM_WEIGHT : 1);
                cost[0] += weight * (tables.value(t, l, j) + 1);
            }
        });
        return cost[0];
    }

    /** Applies w, a witness never revised: it masks every published cell it changes and protects every cell. */
    void apply(Witness w) {
        boolean watched = !revisable.isEmpty();
        changedCells(w, (t, l, j, coef) -> {
            boolean published = tables.publishedCell(t, l);
            if (watched) {
                revisable.changedByOther(key(t, l, j), published);
            }
            protected_[t][l][j] = true;
            if (published) {
                mask[t][l][j] = true;
            }
        });
    }

    /**
     * Applies w, the witness of p's own rapport keeping every kept cell: revisable when p is a cell of
     * région or département ({@link #revise}).
     */
    void applyOwn(Cell p, Witness w) {
        Level level = tables.level(p.t());
        if (level != Level.REGION && level != Level.DEPARTEMENT) {
            apply(w);
            return;
        }
        revisable.record(p, w);
        changedCells(w, (t, l, j, coef) -> {
            revisable.changedByRevisable(key(t, l, j), mask[t][l][j], protected_[t][l][j]);
            protected_[t][l][j] = true;
            if (tables.publishedCell(t, l)) {
                mask[t][l][j] = true;
            }
        });
    }

    /**
     * Revises the witnesses of région and département primary cells ({@link RevisableWitnesses}), in
     * the order they were chosen, once every cell is protected: each is withdrawn, and its primary
     * cell protected again by its cheapest witness given all the others — none when another witness
     * changes it already. A witness is put back as it was when withdrawing it would leave another
     * primary cell it changes unprotected.
     */
    void revise() {
        for (Map.Entry<Cell, Witness> e : revisable.witnesses()) {
            Cell p = e.getKey();
            Witness w = e.getValue();
            withdraw(w);
            if (!othersProtected(w, p)) {
                applyOwn(p, w);
            } else if (isProtected(p)) {
                revisable.forget(p);
            } else {
                Witness better = ownWitness(p, Keep.ALL);
                applyOwn(p, better == null ? w : better);
            }
        }
    }

    private void withdraw(Witness w) {
        changedCells(w, (t, l, j, coef) -> {
            boolean[] left = revisable.withdrawn(key(t, l, j));
            protected_[t][l][j] = left[1];
            if (tables.publishedCell(t, l)) {
                mask[t][l][j] = left[0];
            }
        });
    }

    /** Whether every cell w changes that needs protecting (a primary cell or a fixed mask), but p, is protected. */
    private boolean othersProtected(Witness w, Cell p) {
        boolean[] all = {true};
        changedCells(w, (t, l, j, coef) -> {
            boolean needs = primary[t][l][j] || tables.fixed(t, l, j) == FixedFigures.Status.MASKED;
            if (needs && !protected_[t][l][j] && !(t == p.t() && l == p.l() && j == p.j())) {
                all[0] = false;
            }
        });
        return all[0];
    }

    private long key(int t, int l, int j) {
        return ((long) t * tables.lines.size() + l) * tables.columns.size() + j;
    }

    /**
     * The cells a compensated witness changes: its two moves added cell by cell, those they leave
     * unchanged (the totals of the territories holding both x and x2, or y and y2) left out.
     */
    private void compensatedCells(Witness w, CellVisitor visitor) {
        int nl = tables.lines.size(), nc = tables.columns.size();
        Map<Long, Integer> changes = new LinkedHashMap<>();
        CellVisitor add = (t, l, j, coef) -> changes.merge(((long) t * nl + l) * nc + j, coef, Integer::sum);
        if (w.also() != null) {
            for (Witness m = w; m != null; m = m.also()) {
                changedCells(new Witness(m.x(), m.y(), m.k(), m.k2(), m.c(), m.c2(), m.x2(), m.y2()), add);
            }
        } else {
            changedCells(new Witness(w.x(), w.y(), w.k(), -1, w.c(), w.c2()), add);
            changedCells(new Witness(w.y2(), w.x2(), w.k2(), -1, w.c(), w.c2()), add);
        }
        changes.forEach((key, coef) -> {
            if (coef != 0) {
                visitor.visit((int) (key / ((long) nl * nc)), (int) (key / nc % nl), (int) (key % nc), coef);
            }
        });
    }

    private interface CellVisitor {
        /** Cell (t, l, j) changes by {@code coef} when the witness moves one unit (+1 on x's cell (k, c)). */
        void visit(int t, int l, int j, int coef);
    }

    /**
     * The cells the witness changes, with their change: territories holding x but not y (+1) or
     * y but not x (−1) × changed lines × changed columns.
     */
    private void changedCells(Witness w, CellVisitor visitor) {
        if (w.x2() >= 0 || w.also() != null) {
            compensatedCells(w, visitor);
            return;
        }
        int[] px = tables.parents(w.x());
        int[] py = w.y() < 0 ? null : tables.parents(w.y());
        int[] lines;
        int[] lineSigns;
        if (w.k2() < 0) {
            lines = new int[]{w.k(), tables.total};
            lineSigns = new int[]{1, 1};
        } else if (tables.side[w.k()] * tables.side[w.k2()] < 0) { // opposite sides of the identity: same way
            lines = new int[]{w.k(), w.k2(), tables.total};
            lineSigns = new int[]{1, 1, 2};
        } else {
            lines = new int[]{w.k(), w.k2()};
            lineSigns = new int[]{1, -1};
        }
        int nc = tables.columns.size();
        int[] columnSigns = new int[nc];
        for (int j = 0; j < nc; j++) {
            columnSigns[j] = (j == w.c() || tables.contains(j, w.c()) ? 1 : 0)
                    - (w.c2() >= 0 && (j == w.c2() || tables.contains(j, w.c2())) ? 1 : 0);
        }
        for (int n = 0; n < px.length; n++) {
            int tx = px[n], ty = py == null ? -1 : py[n];
            if (tx == ty) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                int t = side == 0 ? tx : ty;
                if (t < 0) {
                    continue;
                }
                for (int i = 0; i < lines.length; i++) {
                    for (int j = 0; j < nc; j++) {
                        if (columnSigns[j] != 0) {
                            visitor.visit(t, lines[i], j, (side == 0 ? 1 : -1) * lineSigns[i] * columnSigns[j]);
                        }
                    }
                }
            }
        }
    }
}
