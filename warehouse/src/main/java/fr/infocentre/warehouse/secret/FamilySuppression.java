package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.secret.SecondarySuppression.Cell;
import fr.infocentre.warehouse.secret.SecondarySuppression.Keep;
import fr.infocentre.warehouse.secret.SecondarySuppression.Witness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Primary and secondary suppression over a family of rapports whose total line is the same
 * figure (one {@code total_figure}: the demandes at 31 December of series 03, the attributions of
 * the year of series 04), as one system (docs/secret-statistique.md, "Across rapports").
 *
 * <p>A cell of the total line is one figure published by every rapport of the family; the family
 * gives it one status. Each rapport's own witnesses ({@link SecondarySuppression}) never change its
 * total line: they move units between category lines, so the other rapports, which do not hold
 * those lines, are untouched. What must change a total line is a <em>shared move</em>: one unit
 * moved from commune y to commune x (or between two count columns), in the same direction in
 * every rapport, each carrying it on one of its own category lines. Every rapport's cells stay
 * consistent with what all of them publish, before and after the move, so no combination of the
 * rapports pins the primary cell it changes.
 *
 * <p>A category line two members hold as one line figure ({@code line_figures}: TAB03-04's
 * households of one person are TAB03-05's personnes seules) is <em>coupled</em>: no witness of one
 * member moves it alone. A unit moves into or out of it only by a <em>coupled move</em>, the same
 * move of that line in every member holding it, each carrying the unit back on one of its other
 * lines, or by a shared move carried on that line in each of them.
 *
 * <p>Shared moves protect the primary cells of the total line (widest levels first), then any
 * category cell that no witness of its own rapport protects. The cheapest move is chosen among
 * nearby communes, as for one rapport, its cost the sum over the family; the same data gives the
 * same pattern.
 */
final class FamilySuppression {

    private static final int CANDIDATES_X = 6;
    private static final int CANDIDATES_Y = 12;
    /**
     * The largest communes of x's département, région and of France also tried as y: the members'
     * category lines differ, and only a large commune holds a unit on every line of every member.
     */
    private static final int LARGEST = 3;
    /** Communes y still tried once a move is found (nearest first: the next ones cost more, mostly). */
    private static final int LOOKAHEAD = 3;
    /** A rapport the move leaves unchanged (it moves a unit between two columns this rapport only sums). */
    private static final Witness UNCHANGED = new Witness(-1, -1, -1, -1, -1, -1);

    /** The family, the rapports with the most count columns first (the lead, 0, names every column). */
    private final List<SecondarySuppression> members;
    /** [member][territory index in the lead] → its index in the member, −1 when absent. */
    private final int[][] toMember;
    /** [member][territory index in the member] → its index in the lead. */
    private final int[][] toLead;
    /** Per line figure held by several members: its line in each member, −1 where it holds none. */
    private final Map<String, int[]> couples;

    private FamilySuppression(List<SecondarySuppression> members, Map<String, int[]> couples) {
        this.members = members;
        this.couples = couples;
        LinkedTables lead = members.get(0).tables;
        toMember = new int[members.size()][];
        toLead = new int[members.size()][];
        for (int r = 0; r < members.size(); r++) {
            LinkedTables tables = members.get(r).tables;
            toMember[r] = new int[lead.size()];
            toLead[r] = new int[tables.size()];
            for (int t = 0; t < lead.size(); t++) {
                Territoire territoire = lead.territoires.get(t);
                Integer i = tables.index(territoire.level(), territoire.code());
                toMember[r][t] = i == null ? -1 : i;
            }
            for (int t = 0; t < tables.size(); t++) {
                Territoire territoire = tables.territoires.get(t);
                Integer i = lead.index(territoire.level(), territoire.code());
                if (i == null) {
                    throw new IllegalArgumentException(tables.territoires.get(t) + " is in one rapport of the family only");
                }
                toLead[r][t] = i;
            }
        }
    }

    static List<SecondarySuppression.Result> choosePatterns(List<LinkedTables> family) {
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < family.size(); r++) {
            order.add(r);
        }
        order.sort(Comparator.comparingInt((Integer r) -> -family.get(r).columns.size()));
        List<LinkedTables> ordered = order.stream().map(family::get).toList();
        Map<String, int[]> couples = couple(ordered);
        List<SecondarySuppression> members = ordered.stream().map(t -> new SecondarySuppression(t, true)).toList();
        FamilySuppression f = new FamilySuppression(members, couples);
        f.run();
        SecondarySuppression.Result[] results = new SecondarySuppression.Result[family.size()];
        for (int i = 0; i < order.size(); i++) {
            results[order.get(i)] = members.get(i).result();
        }
        return List.of(results);
    }

    /**
     * The line figures held by several members, each with its line in every member (−1: none), those
     * lines marked coupled.
     */
    private static Map<String, int[]> couple(List<LinkedTables> members) {
        Map<String, int[]> lines = new TreeMap<>();
        for (int r = 0; r < members.size(); r++) {
            String[] figures = members.get(r).lineFigure;
            for (int k = 0; k < figures.length; k++) {
                if (figures[k] != null) {
                    int[] line = lines.computeIfAbsent(figures[k], f -> filled(members.size()));
                    line[r] = k;
                }
            }
        }
        lines.values().removeIf(line -> Arrays.stream(line).filter(k -> k >= 0).count() < 2);
        lines.values().forEach(line -> {
            for (int r = 0; r < line.length; r++) {
                if (line[r] >= 0) {
                    members.get(r).couple(line[r]);
                }
            }
        });
        return lines;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** The coupled lines of p's line in every member (−1 where none), or null when p's line is not coupled. */
    private int[] coupledLines(int owner, Cell p) {
        String figure = members.get(owner).tables.lineFigure[p.l()];
        return figure == null ? null : couples.get(figure);
    }

    /** A primary cell of member {@code owner}. */
    private record Primary(int owner, Cell cell) {
    }

    /** A shared move: its cost and its witness in each member ({@link #UNCHANGED} where it changes nothing). */
    private record Move(long cost, Witness[] witnesses) {
    }

    private void run() {
        List<List<Cell>> primaries = members.stream().map(SecondarySuppression::markPrimaries).toList();
        Map<String, Primary> sharedPrimaries = new TreeMap<>();
        for (int r = 0; r < members.size(); r++) {
            LinkedTables tables = members.get(r).tables;
            for (Cell p : primaries.get(r)) {
                if (p.l() == tables.total) {
                    Territoire t = tables.territoires.get(p.t());
                    String key = t.level().ordinal() + " " + t.code() + " " + tables.columns.get(p.j());
                    sharedPrimaries.putIfAbsent(key, new Primary(r, p));
                }
            }
        }
        for (Primary p : sharedPrimaries.values()) {
            protect(p.owner(), p.cell(), false);
        }
        for (int r = 0; r < members.size(); r++) {
            SecondarySuppression member = members.get(r);
            for (Cell p : primaries.get(r)) {
                if (member.isProtected(p)) {
                    continue;
                }
                if (p.l() == member.tables.total) {
                    protect(r, p, false);
                    continue;
                }
                if (member.tables.coupled(p.l())) {
                    protectCoupled(r, p);
                    continue;
                }
                Witness own = member.ownWitness(p, Keep.ALL);
                if (own != null) {
                    member.applyOwn(p, own);
                } else {
                    protect(r, p, true);
                }
            }
        }
        members.forEach(SecondarySuppression::revise);
    }

    /**
     * Protects p, on a coupled line, with the cheapest coupled move keeping every kept cell, else,
     * tier after tier ({@link Keep}), masking fewer of them (p is then reported as forced); else with
     * a shared move carried on that line by every member holding it.
     */
    private void protectCoupled(int owner, Cell p) {
        for (Keep keep : Keep.values()) {
            Move move = bestCoupledMove(owner, p, keep);
            if (move != null) {
                if (keep != Keep.ALL) {
                    members.get(owner).recordForced(p);
                }
                apply(move);
                return;
            }
        }
        protect(owner, p, true);
    }

    /**
     * The cheapest coupled move changing p: in every member holding p's line, a unit of that line
     * moved from commune y to x (y −1: into x alone) and a unit of another line of its own moved
     * back, so that no total line changes and the coupled line changes alike everywhere.
     */
    private Move bestCoupledMove(int owner, Cell p, Keep keep) {
        SecondarySuppression o = members.get(owner);
        int[] lines = coupledLines(owner, p);
        return cheapestNearby(o, p, Long.MAX_VALUE, (x, y, cc, plafond) -> coupledMove(lines, keep, toLead[owner][x],
                y < 0 ? -1 : toLead[owner][y], names(o, cc), plafond));
    }

    /** A move through member communes x and y (−1: x alone) in the column pair cc, costing less than the plafond, or null. */
    private interface MoveAt {
        Move at(int x, int y, int[] cc, long plafond);
    }

    /**
     * The cheapest of the moves {@code at} p's candidates x, each with its candidates y then alone,
     * in p's column pairs, costing less than {@code plafond}; null when none does.
     */
    private static Move cheapestNearby(SecondarySuppression o, Cell p, long plafond, MoveAt at) {
        Move best = null;
        for (int x : o.candidatesX(p)) {
            List<Integer> ys = new ArrayList<>(o.candidatesY(x, p));
            ys.add(-1);
            for (int y : ys) {
                for (int[] cc : o.columns(p)) {
                    Move m = at.at(x, y, cc, best == null ? plafond : best.cost());
                    if (m != null && (best == null || m.cost() < best.cost())) {
                        best = m;
                        if (m.cost() == 0) {
                            return best;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The column pair's names (the second null for "into their sums"). */
    private static String[] names(SecondarySuppression o, int[] cc) {
        return new String[]{o.tables.columns.get(cc[0]), cc[1] < 0 ? null : o.tables.columns.get(cc[1])};
    }

    /** The coupled move (x, y in the lead's indices) at its cheapest per member, or null when one cannot carry it. */
    private Move coupledMove(int[] lines, Keep keep, int x, int y, String[] columns, long plafond) {
        Witness[][] byDirection = new Witness[2][members.size()];
        long[] costs = new long[2];
        boolean[] possible = {true, true};
        for (int r = 0; r < members.size(); r++) {
            if (lines[r] < 0) {
                byDirection[0][r] = UNCHANGED;
                byDirection[1][r] = UNCHANGED;
                continue;
            }
            Carried carried = backOnOwnLine(r, lines[r], x, y, columns, keep, plafond);
            if (carried == null) {
                return null;
            }
            for (int d = 0; d < 2; d++) {
                byDirection[d][r] = carried.witnesses[d];
                possible[d] &= carried.least[d] != Long.MAX_VALUE;
                if (possible[d]) {
                    costs[d] += carried.least[d];
                    possible[d] = costs[d] < plafond;
                }
            }
            if (!possible[0] && !possible[1]) {
                return null;
            }
        }
        int d = possible[0] && (!possible[1] || costs[0] <= costs[1]) ? 0 : 1;
        return new Move(costs[d], byDirection[d]);
    }

    /**
     * Member r's cheapest witnesses (up, down) moving a unit of its coupled line {@code line} from y
     * to x (lead's indices; y −1: into x alone) in those columns, and a unit of another of its lines
     * back; null when r lacks x or y.
     */
    private Carried backOnOwnLine(int r, int line, int x, int y, String[] columns, Keep keep, long plafond) {
        SecondarySuppression member = members.get(r);
        LinkedTables tables = member.tables;
        int xr = toMember[r][x], yr = y < 0 ? -1 : toMember[r][y];
        if (xr < 0 || y >= 0 && yr < 0) {
            return null;
        }
        int c = tables.columns.indexOf(columns[0]), c2 = columns[1] == null ? -1 : tables.columns.indexOf(columns[1]);
        Carried carried = new Carried(member, keep, plafond);
        for (int k2 = 0; k2 < tables.total; k2++) {
            if (tables.movableLine(k2)) {
                carried.consider(new Witness(xr, yr, line, k2, c, c2));
            }
        }
        return carried;
    }

    private void apply(Move move) {
        for (int r = 0; r < members.size(); r++) {
            if (move.witnesses()[r] != UNCHANGED) {
                members.get(r).apply(move.witnesses()[r]);
            }
        }
    }

    /**
     * Protects p with the cheapest shared move keeping every kept cell, else, tier after tier
     * ({@link Keep}), with its own rapport's cheapest witness or the cheapest shared move masking
     * fewer of them (p is then reported as forced).
     *
     * @param onItsLine whether p is a category cell: its own rapport carries the move on p's line
     */
    private void protect(int owner, Cell p, boolean onItsLine) {
        SecondarySuppression member = members.get(owner);
        Move move = bestMove(owner, p, onItsLine, Keep.ALL);
        for (Keep keep : List.of(Keep.HEADLINES, Keep.NONE)) {
            if (move != null) {
                break;
            }
            if (keep == Keep.HEADLINES) {
                member.recordForced(p);
            }
            Witness own = onItsLine ? member.ownWitness(p, keep) : null;
            if (own != null) {
                member.apply(own);
                return;
            }
            move = bestMove(owner, p, onItsLine, keep);
        }
        if (move == null) {
            throw new IllegalStateException("No witness for primary cell " + member.tables.territoires.get(p.t()) + " "
                    + member.tables.lines.get(p.l()) + " " + member.tables.columns.get(p.j()));
        }
        apply(move);
    }

    /**
     * The cheapest shared move changing p: a unit of one column moved from y to x (x in p's
     * territory, y outside; into x alone only in the last tier), the same way in every member,
     * each member carrying it on the category lines that cost it least.
     */
    private Move bestMove(int owner, Cell p, boolean onItsLine, Keep keep) {
        SecondarySuppression o = members.get(owner);
        Move best = null;
        List<Integer> xs = o.candidatesX(p);
        for (int x : xs.subList(0, Math.min(CANDIDATES_X, xs.size()))) {
            List<Integer> ys = new ArrayList<>(o.candidatesY(x, p));
            ys = new ArrayList<>(ys.subList(0, Math.min(CANDIDATES_Y, ys.size())));
            int[] px = o.tables.parents(x);
            if (o.tables.level(p.t()) != Level.NATIONAL) {
                for (Level scope : List.of(Level.DEPARTEMENT, Level.REGION, Level.NATIONAL)) {
                    if (px[scope.ordinal()] >= 0) {
                        for (int y : o.largestCommunes(px[scope.ordinal()], p, LARGEST)) {
                            if (y != x && !ys.contains(y)) {
                                ys.add(y);
                            }
                        }
                    }
                }
            }
            if (keep == Keep.NONE) {
                ys.add(-1);
            }
            int afterFirst = 0;
            for (int y : ys) {
                if (best != null && afterFirst++ == LOOKAHEAD) {
                    break;
                }
                for (String[] cc : columnPairs(owner, p)) {
                    Move m = move(owner, p, onItsLine, keep, toLead[owner][x], y < 0 ? -1 : toLead[owner][y], cc,
                            best == null ? Long.MAX_VALUE : best.cost());
                    if (m != null && (best == null || m.cost() < best.cost())) {
                        best = m;
                        if (m.cost() == 0) {
                            return best;
                        }
                    }
                }
            }
        }
        return best;
    }

    /**
     * The column pairs (moved column, other column or null for "into their sums") a move may use
     * for p's column, named as the lead names them when it holds p's column, so that the rapports
     * splitting a column all move the same part of it.
     */
    private List<String[]> columnPairs(int owner, Cell p) {
        LinkedTables ownerTables = members.get(owner).tables;
        String column = ownerTables.columns.get(p.j());
        int inLead = members.get(0).tables.columns.indexOf(column);
        SecondarySuppression source = inLead >= 0 ? members.get(0) : members.get(owner);
        int j = inLead >= 0 ? inLead : p.j();
        List<String[]> pairs = new ArrayList<>();
        for (int[] cc : source.columns(new Cell(0, 0, j))) {
            pairs.add(new String[]{source.tables.columns.get(cc[0]), cc[1] < 0 ? null : source.tables.columns.get(cc[1])});
        }
        return pairs;
    }

    /**
     * The move (x, y in the lead's territory indices) at its cheapest per member, or null when a
     * member cannot carry it. The members holding a coupled line carry it on that line all
     * together, or all on other lines, whichever costs less (on that line only when p is on it).
     */
    private Move move(int owner, Cell p, boolean onItsLine, Keep keep, int x, int y, String[] cc, long plafond) {
        int[] coupled = coupledLines(owner, p);
        Carried[] carried = new Carried[members.size()];
        for (int r = 0; r < members.size(); r++) {
            int[] columns = columns(members.get(r).tables, cc);
            int xr = toMember[r][x], yr = y < 0 ? -1 : toMember[r][y];
            if (xr < 0 || y >= 0 && yr < 0 || columns == null) {
                return null;
            }
            if (columns.length > 0) {
                carried[r] = carried(r, xr, yr, columns, !onItsLine ? -1 : coupled != null ? coupled[r]
                        : r == owner ? p.l() : -1, keep, plafond);
            }
        }
        if (coupled == null) {
            for (int[] lines : couples.values()) {
                onCoupledLine(lines, carried, onItsLine ? owner : -1, x, y, cc, keep, plafond);
            }
        }
        Witness[][] byDirection = new Witness[2][members.size()];
        long[] costs = new long[2];
        boolean[] possible = {true, true};
        for (int r = 0; r < members.size(); r++) {
            for (int d = 0; d < 2; d++) {
                byDirection[d][r] = carried[r] == null ? UNCHANGED : carried[r].witnesses[d];
                long least = carried[r] == null ? 0 : carried[r].least[d];
                possible[d] &= least != Long.MAX_VALUE;
                if (possible[d]) {
                    costs[d] += least;
                    possible[d] = costs[d] < plafond;
                }
            }
        }
        if (!possible[0] && !possible[1]) {
            return null;
        }
        int d = possible[0] && (!possible[1] || costs[0] <= costs[1]) ? 0 : 1;
        return new Move(costs[d], byDirection[d]);
    }

    /** Member r's cheapest ways of carrying the move (r's indices and columns; on {@code line} when ≥ 0). */
    private Carried carried(int r, int xr, int yr, int[] columns, int line, Keep keep, long plafond) {
        Carried carried = new Carried(members.get(r), keep, plafond);
        carry(carried, xr, yr, columns, line);
        return carried;
    }

    /**
     * Where the members holding a coupled line all carry the move on it (the same cells of it
     * in each) for less, direction by direction, than on their other lines, their ways become
     * those. Not when one of them sees no change or must carry it on another line
     * ({@code onItsLine}: the owner's primary cell's line).
     */
    private void onCoupledLine(int[] lines, Carried[] carried, int onItsLine, int x, int y, String[] cc, Keep keep,
                               long plafond) {
        long[] otherLines = new long[2], coupledLine = new long[2];
        for (int r = 0; r < members.size(); r++) {
            if (lines[r] < 0) {
                continue;
            }
            if (carried[r] == null || r == onItsLine) {
                return;
            }
            for (int d = 0; d < 2; d++) {
                otherLines[d] = plus(otherLines[d], carried[r].least[d]);
            }
        }
        if (otherLines[0] == 0 && otherLines[1] == 0) {
            return; // nothing costs less than nothing
        }
        // a member's way costing more than the other lines' in both directions cannot make the sum cheaper
        long cap = Math.min(plafond, Math.max(otherLines[0], otherLines[1]));
        Carried[] alternative = new Carried[members.size()];
        for (int r = 0; r < members.size(); r++) {
            if (lines[r] >= 0) {
                alternative[r] = carried(r, toMember[r][x], y < 0 ? -1 : toMember[r][y],
                        columns(members.get(r).tables, cc), lines[r], keep, cap);
                for (int d = 0; d < 2; d++) {
                    coupledLine[d] = plus(coupledLine[d], alternative[r].least[d]);
                }
            }
        }
        for (int d = 0; d < 2; d++) {
            if (coupledLine[d] < otherLines[d]) {
                for (int r = 0; r < members.size(); r++) {
                    if (lines[r] >= 0) {
                        carried[r].least[d] = alternative[r].least[d];
                        carried[r].witnesses[d] = alternative[r].witnesses[d];
                    }
                }
            }
        }
    }

    /** a + b, {@link Long#MAX_VALUE} (no way) when either is. */
    private static long plus(long a, long b) {
        return a == Long.MAX_VALUE || b == Long.MAX_VALUE ? Long.MAX_VALUE : a + b;
    }

    /** A member's cheapest witness for each direction (up, down) carrying a move, and its cost. */
    private static final class Carried {

        final SecondarySuppression member;
        final Keep keep;
        final long plafond;
        final long[] least = {Long.MAX_VALUE, Long.MAX_VALUE};
        final Witness[] witnesses = new Witness[2];

        Carried(SecondarySuppression member, Keep keep, long plafond) {
            this.member = member;
            this.keep = keep;
            this.plafond = plafond;
        }

        boolean found() {
            return least[0] != Long.MAX_VALUE || least[1] != Long.MAX_VALUE;
        }

        /** Keeps w where it is the cheapest so far for a direction it allows. */
        void consider(Witness w) {
            int directions = member.directions(w, keep);
            if (directions == 0) {
                return;
            }
            long cost = member.cost(w, Math.min(Math.max(least[0], least[1]), plafond));
            for (int d = 0; d < 2; d++) {
                if ((directions & (d == 0 ? SecondarySuppression.UP : SecondarySuppression.DOWN)) != 0 && cost < least[d]) {
                    least[d] = cost;
                    witnesses[d] = w;
                }
            }
        }
    }

    /**
     * The member's ways of carrying a unit from y to x (y −1: the unit into x alone) on its lines
     * ({@code line} ≥ 0: on that line at x): on one line (y loses what x gains); else through a
     * third commune z holding x's line (z gives it to x, y gives z a unit of another line: z's
     * total stays as it is); else on two lines (x gains a unit of one line, y loses one of another,
     * the territories holding both see the unit change lines); and, for a direction still without
     * a way, along a chain of communes, each column on its own lines ({@link UnitPath}). A coupled
     * line is carried on that line only, from y to x.
     */
    private static void carry(Carried carried, int x, int y, int[] columns, int line) {
        LinkedTables tables = carried.member.tables;
        int c = columns[0], c2 = columns[1];
        for (int k = 0; k < tables.total; k++) {
            if (tables.carries(k, line)) {
                carried.consider(new Witness(x, y, k, -1, c, c2));
            }
        }
        if (line >= 0 && tables.coupled(line)) {
            return; // on one line from y to x: the same cells in every member holding it
        }
        for (int kx = 0; y >= 0 && !carried.found() && kx < tables.total; kx++) {
            if (!tables.carries(kx, line) || tables.value(x, kx, c) < 1) {
                continue;
            }
            List<Integer> zs = new ArrayList<>();
            List<Integer> holders = new ArrayList<>(List.of(carried.member.holderBeside(y, kx, c),
                    carried.member.holderBeside(x, kx, c)));
            holders.addAll(carried.member.holdersIn(tables.parents(x)[Level.NATIONAL.ordinal()], kx, c));
            for (int z : holders) {
                if (z >= 0 && z != x && z != y && !zs.contains(z)) {
                    zs.add(z);
                }
            }
            for (int ky = 0; ky < tables.total; ky++) {
                if (ky != kx && tables.movableLine(ky) && tables.value(y, ky, c) >= 1) {
                    for (int z : zs) {
                        carried.consider(new Witness(x, z, kx, ky, c, c2, y, z));
                    }
                    carried.consider(new Witness(x, y, kx, -1, c, c2, -1, -1, new Witness(y, -1, kx, ky, c, c2)));
                }
            }
        }
        for (int d = 0; y >= 0 && d < 2; d++) {
            if (carried.least[d] == Long.MAX_VALUE) {
                Witness chain = UnitPath.carry(carried.member, x, y, c, c2, line, d == 1);
                if (chain != null) {
                    carried.consider(chain);
                }
            }
        }
    }

    /**
     * The member's columns (moved, other or −1) for the column pair: as named when it holds the
     * moved column; when it holds only their sum, the sum into the total (an empty array when both
     * columns are in that sum: the member sees no change); null when it cannot carry the pair.
     */
    private int[] columns(LinkedTables tables, String[] cc) {
        int c = tables.columns.indexOf(cc[0]);
        if (c >= 0 && tables.members[c] == null) {
            if (cc[1] == null) {
                return new int[]{c, -1};
            }
            int c2 = tables.columns.indexOf(cc[1]);
            return c2 >= 0 && tables.members[c2] == null ? new int[]{c, c2} : null;
        }
        LinkedTables lead = members.get(0).tables;
        int inLead = lead.columns.indexOf(cc[0]);
        for (int s = 0; inLead >= 0 && s < lead.columns.size(); s++) {
            int sum = tables.columns.indexOf(lead.columns.get(s));
            if (lead.contains(s, inLead) && sum >= 0 && tables.members[sum] == null) {
                if (cc[1] == null) {
                    return new int[]{sum, -1};
                }
                return lead.contains(s, lead.columns.indexOf(cc[1])) ? new int[0] : null;
            }
        }
        return null;
    }
}
