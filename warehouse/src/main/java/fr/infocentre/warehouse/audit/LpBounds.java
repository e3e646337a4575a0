package fr.infocentre.warehouse.audit;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact bounds by linear programming (ojAlgo), where the system allows them: the cells the
 * {@link Attacker} left undetermined fall into connected components (cells tied by a relation);
 * for a component of at most {@value #MAX_CELLS} cells, the smallest and largest value each cell
 * asked for may take under every relation of the component and every bound the attacker derived
 * is the optimum of a linear programme. Elsewhere the attacker's bounds (propagation and
 * elimination) stand. The LP optimum bounds every integer solution too, so a bound found here is
 * never too narrow: rounded inwards it still holds the true value.
 */
final class LpBounds {

    /** The largest component solved by linear programming. */
    static final int MAX_CELLS = 40;
    private static final double TOLERANCE = 1e-6;

    /** A cell's bounds; {@code max} is {@link Long#MAX_VALUE} when unbounded. */
    record Bound(long min, long max) {
    }

    private LpBounds() {
    }

    /**
     * The LP bounds of the cells asked for whose component has from 3 to {@value #MAX_CELLS} cells
     * (in one of 1 or 2, the attacker's bounds are already exact); the others are left out.
     */
    static Map<Integer, Bound> of(CellSystem s, Attacker.Result known, List<Integer> asked) {
        int[] parent = new int[s.size()];
        for (int c = 0; c < parent.length; c++) {
            parent[c] = c;
        }
        for (int r = 0; r < s.relationCount(); r++) {
            int first = -1;
            for (int k = s.start(r); k < s.end(r); k++) {
                int c = s.term(k);
                if (!known.determined()[c]) {
                    if (first < 0) {
                        first = c;
                    } else {
                        parent[root(parent, c)] = root(parent, first);
                    }
                }
            }
        }
        int[] size = new int[parent.length];
        for (int c = 0; c < parent.length; c++) {
            if (!known.determined()[c]) {
                size[root(parent, c)]++;
            }
        }
        Map<Integer, List<Integer>> askedByComponent = new HashMap<>();
        for (int c : asked) {
            int root = root(parent, c);
            if (!known.determined()[c] && size[root] >= 3 && size[root] <= MAX_CELLS) {
                askedByComponent.computeIfAbsent(root, k -> new ArrayList<>()).add(c);
            }
        }
        Map<Integer, List<Integer>> relations = new HashMap<>();
        for (int r = 0; r < s.relationCount(); r++) {
            for (int k = s.start(r); k < s.end(r); k++) {
                int c = s.term(k);
                if (!known.determined()[c]) {
                    int root = root(parent, c);
                    if (askedByComponent.containsKey(root)) {
                        relations.computeIfAbsent(root, x -> new ArrayList<>()).add(r);
                    }
                    break;
                }
            }
        }
        Map<Integer, Bound> bounds = new HashMap<>();
        askedByComponent.forEach((root, cells) -> {
            for (int c : cells) {
                bounds.put(c, new Bound(optimum(s, known, relations.get(root), c, false),
                        optimum(s, known, relations.get(root), c, true)));
            }
        });
        return bounds;
    }

    /** The cell's LP minimum (rounded up) or maximum (rounded down; {@link Long#MAX_VALUE} when unbounded). */
    private static long optimum(CellSystem s, Attacker.Result known, List<Integer> relations, int cell, boolean max) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Integer, Variable> variables = new HashMap<>();
        for (int r : relations) {
            Expression relation = model.addExpression("r" + r);
            long constant = 0;
            for (int k = s.start(r); k < s.end(r); k++) {
                int c = s.term(k);
                long sign = k < s.middle(r) ? 1 : -1;
                if (known.determined()[c]) {
                    constant -= sign * known.min()[c];
                } else {
                    relation.set(variables.computeIfAbsent(c, v -> variable(model, known, v)), sign);
                }
            }
            relation.level(constant);
        }
        variables.get(cell).weight(1);
        Optimisation.Result result = max ? model.maximise() : model.minimise();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            return max ? Long.MAX_VALUE : known.min()[cell];
        }
        if (!result.getState().isOptimal()) {
            return max ? known.max()[cell] : known.min()[cell];
        }
        long value = max ? (long) Math.floor(result.getValue() + TOLERANCE) : (long) Math.ceil(result.getValue() - TOLERANCE);
        return max ? Math.min(value, known.max()[cell]) : Math.max(value, known.min()[cell]);
    }

    private static Variable variable(ExpressionsBasedModel model, Attacker.Result known, int c) {
        Variable v = model.addVariable("c" + c).lower(known.min()[c]);
        return known.max()[c] == Long.MAX_VALUE ? v : v.upper(known.max()[c]);
    }

    private static int root(int[] parent, int c) {
        while (parent[c] != c) {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        return c;
    }
}
