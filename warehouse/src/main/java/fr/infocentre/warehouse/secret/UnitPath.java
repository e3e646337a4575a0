package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.secret.SecondarySuppression.Witness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Units handed along a chain of communes: y hands a unit of one category line to a commune z1
 * holding that line, z1 hands a unit of another line to z2, and so on to x. Every commune between
 * them keeps its total, and every line its sum over the communes of the chain's départements, so
 * only the communes' category cells (and those of the EPCI and départements the chain crosses)
 * are masked. Where no line is held by both x and y, or by a single commune between them, a chain
 * still finds its way through the département: it carries a family's shared move in one rapport.
 *
 * <p>The chain is the cheapest (cells newly masked, then length), found by Dijkstra over the
 * bipartite graph of communes and category lines: commune f — line k where f can give (it holds
 * a unit of k) or take a unit of k (any commune can). Ties follow the communes' order.
 */
final class UnitPath {

    private UnitPath() {
    }

    /**
     * The witness moving a unit of column c from y to x (and, when {@code c2} ≥ 0, a unit of
     * column c2 from x to y, so that their sum stays as it is), each along its cheapest chain
     * through the communes of x's and y's départements; null when a chain is missing.
     *
     * @param line a line x must take column c's unit on (−1: any), and give c2's on no other
     * @param down whether the witness is to move the other way (−1·coef): the cells giving must
     *             then be able to take, and those taking able to give
     */
    static Witness carry(SecondarySuppression member, int x, int y, int c, int c2, int line, boolean down) {
        List<Integer> scope = departements(member, x, y);
        List<Witness> moves = new ArrayList<>();
        List<Witness> forC = chain(member, scope, y, x, c, line, -1, down);
        if (forC == null) {
            return null;
        }
        moves.addAll(forC);
        if (c2 >= 0) {
            List<Witness> forC2 = chain(member, scope, x, y, c2, -1, line, down);
            if (forC2 == null) {
                return null;
            }
            moves.addAll(forC2);
        }
        return join(moves);
    }

    /** The moves as one witness: their sum, cell by cell. */
    private static Witness join(List<Witness> moves) {
        Witness w = null;
        for (int i = moves.size() - 1; i >= 0; i--) {
            Witness m = moves.get(i);
            w = w == null ? m : new Witness(m.x(), m.y(), m.k(), -1, m.c(), -1, -1, -1, w);
        }
        return w;
    }

    /** The non-empty communes of x's département, then of y's when it is another. */
    private static List<Integer> departements(SecondarySuppression member, int x, int y) {
        int dep = Level.DEPARTEMENT.ordinal();
        int dx = member.tables.parents(x)[dep], dy = member.tables.parents(y)[dep];
        List<Integer> scope = new ArrayList<>(member.communesIn(dx));
        if (dy != dx) {
            scope.addAll(member.communesIn(dy));
        }
        return scope;
    }

    /**
     * The moves handing a unit of column c from {@code from} to {@code to} (each: Witness(taker,
     * giver, line, −1, c, −1)), or null.
     *
     * @param toLine   the line {@code to} must take it on (−1: any)
     * @param fromNot  a line {@code from} must not give it from (−1: none)
     */
    private static List<Witness> chain(SecondarySuppression member, List<Integer> scope, int from, int to, int c,
                                       int toLine, int fromNot, boolean down) {
        LinkedTables tables = member.tables;
        int n = scope.size(), lines = tables.total;
        Map<Integer, Integer> node = new HashMap<>();
        for (int i = 0; i < n; i++) {
            node.put(scope.get(i), i);
        }
        Integer source = node.get(from), target = node.get(to);
        if (source == null || target == null) {
            return null;
        }
        long giveFrom = down ? 0 : 1, takeFrom = down ? 1 : 0;
        if (!holds(tables, from, c, fromNot, -1, giveFrom) || !holds(tables, to, c, -1, toLine, takeFrom)) {
            return null;
        }
        long[] dist = new long[n + lines];
        int[] previous = new int[n + lines];
        Arrays.fill(dist, Long.MAX_VALUE);
        Arrays.fill(previous, -1);
        boolean[] done = new boolean[n + lines];
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        dist[source] = 0;
        queue.add(new long[]{0, source});
        while (!queue.isEmpty()) {
            long[] head = queue.poll();
            int u = (int) head[1];
            if (done[u]) {
                continue;
            }
            done[u] = true;
            if (u == target) {
                break;
            }
            if (u < n) { // a commune gives a unit of one of its lines
                int f = scope.get(u);
                for (int k = 0; k < lines; k++) {
                    if (tables.movableLine(k) && !(u == source && k == fromNot) && tables.value(f, k, c) >= giveFrom) {
                        relax(queue, dist, previous, u, n + k, dist[u] + weight(member, f, k, c));
                    }
                }
            } else { // a commune takes the unit of that line
                int k = u - n;
                for (int v = 0; v < n; v++) {
                    int g = scope.get(v);
                    if (v != source && !done[v] && !(v == target && toLine >= 0 && k != toLine)
                            && tables.value(g, k, c) >= takeFrom) {
                        relax(queue, dist, previous, u, v, dist[u] + weight(member, g, k, c));
                    }
                }
            }
        }
        if (!done[target]) {
            return null;
        }
        List<Witness> moves = new ArrayList<>();
        for (int v = target; v != source; ) {
            int k = previous[v], giver = previous[k];
            moves.add(0, new Witness(scope.get(v), scope.get(giver), k - n, -1, c, -1));
            v = giver;
        }
        return moves;
    }

    /** Whether commune f holds at least {@code minimum} of column c on a line (only {@code only} if ≥ 0, never {@code not}). */
    private static boolean holds(LinkedTables tables, int f, int c, int not, int only, long minimum) {
        for (int k = 0; k < tables.total; k++) {
            if (tables.movableLine(k) && k != not && (only < 0 || k == only) && tables.value(f, k, c) >= minimum) {
                return true;
            }
        }
        return false;
    }

    private static void relax(PriorityQueue<long[]> queue, long[] dist, int[] previous, int u, int v, long d) {
        if (d < dist[v]) {
            dist[v] = d;
            previous[v] = u;
            queue.add(new long[]{d, v});
        }
    }

    /** A step's cost: one, plus the count it would newly mask. */
    private static long weight(SecondarySuppression member, int f, int k, int c) {
        return 1 + (member.masked(f, k, c) ? 0 : member.tables.value(f, k, c));
    }
}
