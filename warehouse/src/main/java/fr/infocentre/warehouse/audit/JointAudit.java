package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.storage.Territoires.Membership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The attacker of the rapports that publish the same total figure ({@code total_figure}: the 17
 * series-03 rapports, the attributions of series 04), all together, from their published tables
 * only (docs/secret-statistique.md, "Across rapports"). Each rapport is attacked as the per-rapport
 * audit does; what one rapport bounds of a shared total (a commune's stock at 31 December shown
 * here, masked there, or narrowed by its own margins) is then given to every other rapport of the
 * figure, which is attacked again with it, until no rapport narrows a shared total any more. A
 * masked cell pinned to a value from 1 to 10 in that joint attack is disclosed.
 *
 * <p>Sound, not complete: the bounds exchanged are intervals, so a combination of relations of
 * several rapports that no single rapport's intervals carry is not found.
 */
public final class JointAudit {

    /** Rounds of exchange at most (each attacks every rapport of the figure once). */
    private static final int MAX_ROUNDS = 4;

    private JointAudit() {
    }

    /**
     * @param figure    the total figure
     * @param rounds    attack rounds run (the first is the per-rapport attack)
     * @param narrowed  the times a rapport bounded a shared total more tightly than the others had
     * @param disclosed masked cells from 1 to 10 pinned jointly: "rapport niveau code ligne colonne = valeur"
     */
    public record Result(String figure, List<String> rapports, int rounds, int narrowed, List<String> disclosed) {
    }

    /** A shared total cell: territory (level, code) and count column. */
    private record SharedCell(Level level, String code, String column) {
    }

    /**
     * @param definitions every rapport's definition, by id
     * @param published   a rapport's published tables, every territory of every level it is published at
     */
    public static List<Result> attack(Map<String, RapportDefinition> definitions,
                                      Function<String, List<RapportTable>> published,
                                      Map<String, Membership> memberships) {
        Map<String, List<RapportDefinition>> figures = new TreeMap<>();
        definitions.values().stream().filter(d -> d.totalFigure() != null)
                .sorted(Comparator.comparing(d -> d.rapport().id())) // the same rounds every run
                .forEach(d -> figures.computeIfAbsent(d.totalFigure(), k -> new ArrayList<>()).add(d));
        List<Result> results = new ArrayList<>();
        figures.forEach((figure, rapports) -> results.add(attack(figure, rapports, published, memberships)));
        return results;
    }

    private static Result attack(String figure, List<RapportDefinition> rapports,
                                 Function<String, List<RapportTable>> published, Map<String, Membership> memberships) {
        Map<SharedCell, long[]> known = new HashMap<>();
        Map<String, List<String>> disclosedBy = new TreeMap<>();
        int narrowed = 0;
        int rounds = 0;
        boolean learnt = true;
        while (learnt && rounds < MAX_ROUNDS) {
            learnt = false;
            rounds++;
            for (RapportDefinition def : rapports) {
                List<RapportTable> tables = published.apply(def.rapport().id());
                PublicView view = PublicView.build(def, tables, memberships);
                CellSystem system = view.system();
                Map<SharedCell, Integer> cells = sharedCells(def, tables, view);
                cells.forEach((cell, v) -> {
                    long[] bounds = known.get(cell);
                    if (bounds != null) {
                        system.narrow(v, bounds[0], bounds[1]);
                    }
                });
                Attacker.Result attack = Attacker.attack(system);
                for (Map.Entry<SharedCell, Integer> e : cells.entrySet()) {
                    int v = e.getValue();
                    long[] bounds = known.computeIfAbsent(e.getKey(), k -> new long[]{0, Long.MAX_VALUE});
                    if (attack.min()[v] > bounds[0] || attack.max()[v] < bounds[1]) {
                        if (bounds[0] > 0 || bounds[1] < Long.MAX_VALUE || rounds > 1) {
                            learnt = true; // narrower than what another rapport (or an earlier round) gave
                            narrowed++;
                        }
                        bounds[0] = Math.max(bounds[0], attack.min()[v]);
                        bounds[1] = Math.min(bounds[1], attack.max()[v]);
                    }
                }
                disclosedBy.put(def.rapport().id(), disclosed(def, tables, view, attack));
            }
        }
        List<String> disclosed = new ArrayList<>();
        disclosedBy.values().forEach(disclosed::addAll);
        return new Result(figure, rapports.stream().map(d -> d.rapport().id()).toList(), rounds, narrowed, disclosed);
    }

    /** The variables of the rapport's total-line count cells, by shared cell. */
    private static Map<SharedCell, Integer> sharedCells(RapportDefinition def, List<RapportTable> tables, PublicView view) {
        Map<SharedCell, Integer> cells = new HashMap<>();
        for (RapportTable t : tables) {
            for (DeclaredColumn c : def.columns()) {
                if (c.isCount()) {
                    Integer v = view.variable(t.territoire(), ComputedTable.TOTAL_KEY, c.key());
                    if (v != null) {
                        cells.put(new SharedCell(t.territoire().level(), t.territoire().code(), c.key()), v);
                    }
                }
            }
        }
        return cells;
    }

    /** The masked count cells the attack pins to a value from 1 to 10. */
    private static List<String> disclosed(RapportDefinition def, List<RapportTable> tables, PublicView view,
                                          Attacker.Result attack) {
        List<String> disclosed = new ArrayList<>();
        for (RapportTable t : tables) {
            Territoire territoire = t.territoire();
            for (RapportTable.Mask m : t.masks()) {
                Integer v = view.variable(territoire, m.line(), m.column());
                if (v != null && attack.determined()[v] && attack.min()[v] >= 1 && attack.min()[v] <= 10) {
                    disclosed.add(def.rapport().id() + " " + territoire.level().key() + " " + territoire.code() + " "
                            + m.line() + " " + m.column() + " = " + attack.min()[v]);
                }
            }
        }
        return disclosed;
    }
}
