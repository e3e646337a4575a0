package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.storage.Territoires.Membership;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The attacker of the rapports that publish the same figure ({@code total_figure}: the 17
 * series-03 rapports, the attributions of series 04; {@code line_figures}: TAB01-01's new demandes
 * of the year), all together, from their published tables
 * only (docs/secret-statistique.md, "Across rapports"). Each rapport is attacked as the per-rapport
 * audit does; what the rapports bound of a shared total (a commune's stock at 31 December shown
 * here, masked there, or narrowed by its own margins) is then given to every rapport of the
 * figure, which is attacked again with it, until no rapport narrows a shared total any more. A
 * masked cell pinned to a value from 1 to 10 in that joint attack is disclosed.
 *
 * <p>Rounds are Jacobi's: every rapport of a round is attacked with what the previous rounds
 * learnt (the rapports of a round in parallel, {@link Parallel}), then the bounds are intersected,
 * so the result does not depend on the order of the rapports or of the threads. A rapport is
 * attacked again only when another one bounded one of its total cells more tightly than it did.
 *
 * <p>A rapport repeating the figure on one of its lines ({@code same_figures}: the December stock
 * of TAB02-03, the stock at 31 December of TAB01-01…) is attacked with them: that line's cells
 * are the figure's cells. So are the unknown sums of TAB02-04's months, which add up to the new
 * demandes and the attributions of the year.
 *
 * <p>Sound, not complete: the bounds exchanged are intervals, so a combination of relations of
 * several rapports that no single rapport's intervals carry is not found.
 */
public final class JointAudit {

    /** Rounds of exchange at most (each attacks every rapport that has something new to learn). */
    private static final int MAX_ROUNDS = 8;

    private JointAudit() {
    }

    /**
     * @param figure    the figures attacked together, by the name of their family's total figure
     *                  (its rapports' line figures with it), or the line figure of a rapport outside a family
     * @param rounds    attack rounds run (without bounds known beforehand, the first is the per-rapport attack)
     * @param converged whether the last round left no rapport with something new to learn (else
     *                  {@link #MAX_ROUNDS} stopped it: what is disclosed is still disclosed, but
     *                  more might be)
     * @param narrowed  the times a rapport bounded a shared total more tightly than the others had
     * @param disclosed masked cells from 1 to 10 pinned jointly: "rapport niveau code ligne colonne = valeur"
     * @param provenSmall per level: masked count cells, and those the joint attack bounds above by
     *                  10 (the published figures prove them small, without pinning them); the
     *                  files do not tell a primary cell from a secondary one, so both are counted
     * @param primaryBounded rapport → per level: its primary cells, and those whose upper bound the
     *                  joint attack derives is below 11; empty when the primary cells were not given
     *                  (an attack of a release's files alone)
     */
    public record Result(String figure, List<String> rapports, int rounds, boolean converged, int narrowed,
                         List<String> disclosed, Map<Level, long[]> provenSmall,
                         Map<String, Map<Level, long[]>> primaryBounded) {
    }

    /** A cell of a total figure: territory (level, code) and count column. */
    public record TotalCell(String figure, Level level, String code, String column) {
    }

    /**
     * @param definitions every rapport's definition, by id
     * @param published   a rapport's published tables, every territory of every level it is published at
     */
    public static List<Result> attack(Map<String, RapportDefinition> definitions,
                                      Function<String, List<RapportTable>> published,
                                      Map<String, Membership> memberships) {
        return attack(definitions, published, memberships, Map.of());
    }

    /**
     * As {@link #attack(Map, Function, Map)}, starting from bounds of total cells already
     * derived from the same published tables (each rapport attacked on its own,
     * {@link #totalBounds}): the first round is then spent on what they give every rapport.
     */
    public static List<Result> attack(Map<String, RapportDefinition> definitions,
                                      Function<String, List<RapportTable>> published,
                                      Map<String, Membership> memberships, Map<TotalCell, long[]> known) {
        return attack(definitions, published, memberships, known, Map.of());
    }

    /**
     * As {@link #attack(Map, Function, Map, Map)}, each rapport's attack resumed from the one that
     * gave those bounds ({@code attacked}: rapport id → its own attack of the same published tables,
     * {@link Audit.Result#attack}) rather than started afresh; a rapport attacked again in a later
     * round resumes from its previous round.
     */
    public static List<Result> attack(Map<String, RapportDefinition> definitions,
                                      Function<String, List<RapportTable>> published,
                                      Map<String, Membership> memberships, Map<TotalCell, long[]> known,
                                      Map<String, Attacker.Result> attacked) {
        return attack(definitions, published, memberships, known, attacked, Map.of());
    }

    /**
     * As {@link #attack(Map, Function, Map, Map, Map)}, also bounding the primary cells
     * ({@code primaries}: rapport id → the variables of its public view that are primary cells,
     * {@link Audit.Result#primaries}), for {@link Result#primaryBounded}.
     */
    public static List<Result> attack(Map<String, RapportDefinition> definitions,
                                      Function<String, List<RapportTable>> published,
                                      Map<String, Membership> memberships, Map<TotalCell, long[]> known,
                                      Map<String, Attacker.Result> attacked, Map<String, BitSet> primaries) {
        Map<String, Set<String>> groups = new TreeMap<>();
        for (RapportDefinition d : definitions.values()) {
            for (String figure : d.ownFigures()) {
                groups.computeIfAbsent(d.totalFigure() != null ? d.totalFigure() : figure, k -> new TreeSet<>()).add(figure);
            }
        }
        List<Result> results = new ArrayList<>();
        groups.forEach((group, figures) -> attack(group, figures, definitions, published, memberships, known, attacked,
                primaries).ifPresent(results::add));
        return results;
    }

    /**
     * The rapports holding or repeating one of {@code figures} (rapports of a family, the figures
     * they hold — their total figure, their line figures), attacked together, every cell of those
     * figures exchanged; empty when one rapport alone publishes them (its own attack covers it).
     *
     * @param group the name of the result (the family's total figure)
     */
    public static Optional<Result> attack(String group, Set<String> figures, Map<String, RapportDefinition> definitions,
                                          Function<String, List<RapportTable>> published,
                                          Map<String, Membership> memberships, Map<TotalCell, long[]> known,
                                          Map<String, Attacker.Result> attacked, Map<String, BitSet> primaries) {
        List<RapportDefinition> members = definitions.values().stream()
                .sorted(Comparator.comparing(d -> d.rapport().id()))
                .filter(d -> d.ownFigures().stream().anyMatch(figures::contains)
                        || d.sameFigures().stream().anyMatch(f -> f.figures().stream().anyMatch(figures::contains)))
                .toList();
        if (members.size() < 2) {
            return Optional.empty();
        }
        Set<String> exchanged = new TreeSet<>(figures);
        List<RapportDefinition.SameFigure> sums = new ArrayList<>();
        for (RapportDefinition d : members) {
            for (RapportDefinition.SameFigure f : d.sameFigures()) {
                if (!f.plus().isEmpty() && f.figures().stream().anyMatch(figures::contains)) {
                    exchanged.add(f.sumName());
                    exchanged.addAll(f.figures());
                    sums.add(f);
                }
            }
        }
        Map<TotalCell, long[]> seed = new HashMap<>();
        known.forEach((cell, b) -> seed.put(cell, b.clone()));
        return Optional.of(attack(group, exchanged, sums, members, published, memberships, seed, attacked, primaries));
    }

    /**
     * Narrows the cells that are a sum of figures ({@code plus}: TAB04-15's DALO objective counts
     * TAB04-14's DALO and prioritaires hors DALO) and their terms against one another, until
     * nothing changes: sum ∈ [Σ min, Σ max], each term ∈ [sum.min − Σ others' max, sum.max −
     * Σ others' min].
     */
    static void addUp(Map<TotalCell, long[]> known, List<RapportDefinition.SameFigure> sums) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (RapportDefinition.SameFigure f : sums) {
                for (TotalCell cell : known.keySet().stream().filter(c -> c.figure().equals(f.sumName())).toList()) {
                    List<TotalCell> terms = f.figures().stream()
                            .map(t -> new TotalCell(t, cell.level(), cell.code(), cell.column())).toList();
                    long[] sum = known.get(cell);
                    long min = 0, max = 0;
                    for (TotalCell t : terms) {
                        long[] b = known.getOrDefault(t, new long[]{0, Long.MAX_VALUE});
                        min = saturated(min + b[0]);
                        max = max == Long.MAX_VALUE || b[1] == Long.MAX_VALUE ? Long.MAX_VALUE : saturated(max + b[1]);
                    }
                    changed |= narrow(known, cell, min, max);
                    for (TotalCell t : terms) {
                        long[] b = known.getOrDefault(t, new long[]{0, Long.MAX_VALUE});
                        long othersMin = min - b[0];
                        long othersMax = max == Long.MAX_VALUE || b[1] == Long.MAX_VALUE ? Long.MAX_VALUE : max - b[1];
                        long low = othersMax == Long.MAX_VALUE ? 0 : Math.max(0, sum[0] - othersMax);
                        long high = sum[1] == Long.MAX_VALUE ? Long.MAX_VALUE : sum[1] - othersMin;
                        changed |= narrow(known, t, low, high);
                    }
                }
            }
        }
    }

    private static long saturated(long n) {
        return n < 0 ? Long.MAX_VALUE : n;
    }

    /** Intersects [min, max] into the cell's bounds (none known: [0, ∞)); true if they narrowed. */
    private static boolean narrow(Map<TotalCell, long[]> known, TotalCell cell, long min, long max) {
        long[] b = known.computeIfAbsent(cell, k -> new long[]{0, Long.MAX_VALUE});
        boolean narrowed = min > b[0] || max < b[1];
        b[0] = Math.max(b[0], min);
        b[1] = Math.min(b[1], max);
        return narrowed;
    }

    /**
     * What a rapport's own attack bounds of its total cells (a published one is known exactly), to
     * merge ({@link #intersect}) over the rapports of a figure and hand to
     * {@link #attack(Map, Function, Map, Map)}.
     */
    static Map<TotalCell, long[]> totalBounds(RapportDefinition def, List<RapportTable> tables, PublicView view,
                                              Attacker.Result attack) {
        Map<TotalCell, long[]> bounds = new HashMap<>();
        totalCells(def, tables, view, (cell, v) -> bounds.put(cell, new long[]{attack.min()[v], attack.max()[v]}));
        return bounds;
    }

    /**
     * The cells of a figure the rapport publishes, with their variable in its public view: its
     * total line's count cells (with a total figure), its line figures' count cells, the cells of
     * its lines repeating a figure ({@code same_figures}, the unpublished sum of its lines included).
     */
    private static void totalCells(RapportDefinition def, List<RapportTable> tables, PublicView view,
                                   BiConsumer<TotalCell, Integer> action) {
        for (RapportTable t : tables) {
            for (String figure : def.ownFigures()) {
                for (DeclaredColumn c : def.columns()) {
                    Integer v = c.isCount() ? view.variable(t.territoire(), def.figureLine(figure), c.key()) : null;
                    if (v != null) {
                        action.accept(new TotalCell(figure, t.territoire().level(), t.territoire().code(), c.key()), v);
                    }
                }
            }
            for (RapportDefinition.SameFigure f : def.sameFigures()) {
                f.columns().forEach((column, target) -> {
                    Integer v = view.variable(t.territoire(), f.line(), column);
                    if (v != null) {
                        action.accept(new TotalCell(f.sumName(), t.territoire().level(), t.territoire().code(), target), v);
                    }
                });
            }
        }
    }

    /** Intersects {@code more} into {@code known}; true if any bound narrowed. */
    public static boolean intersect(Map<TotalCell, long[]> known, Map<TotalCell, long[]> more) {
        boolean narrowed = false;
        for (Map.Entry<TotalCell, long[]> e : more.entrySet()) {
            long[] b = known.computeIfAbsent(e.getKey(), k -> new long[]{0, Long.MAX_VALUE});
            long[] m = e.getValue();
            if (m[0] > b[0] || m[1] < b[1]) {
                narrowed = true;
                b[0] = Math.max(b[0], m[0]);
                b[1] = Math.min(b[1], m[1]);
            }
        }
        return narrowed;
    }

    /** One rapport attacked in a round: its bounds of its shared total cells, and what it pinned. */
    private record Outcome(Map<TotalCell, long[]> bounds, List<String> disclosed, Attacker.Result attack,
                           Map<Level, long[]> provenSmall, Map<Level, long[]> primaryBounded) {
    }

    private static Result attack(String group, Set<String> figures, List<RapportDefinition.SameFigure> sums,
                                 List<RapportDefinition> rapports,
                                 Function<String, List<RapportTable>> published, Map<String, Membership> memberships,
                                 Map<TotalCell, long[]> seed, Map<String, Attacker.Result> attacked,
                                 Map<String, BitSet> primaries) {
        Map<String, Attacker.Result> last = new HashMap<>(attacked);
        Map<TotalCell, long[]> known = new HashMap<>();
        seed.forEach((cell, b) -> {
            if (figures.contains(cell.figure())) {
                known.put(cell, b.clone());
            }
        });
        addUp(known, sums);
        boolean seeded = !known.isEmpty();
        Map<String, List<String>> disclosedBy = new TreeMap<>();
        Map<String, Map<Level, long[]>> provenBy = new HashMap<>();
        Map<String, Map<Level, long[]>> primaryBounded = new TreeMap<>();
        Map<String, Map<TotalCell, long[]>> derived = new HashMap<>();
        List<RapportDefinition> pending = rapports;
        int narrowed = 0;
        int rounds = 0;
        while (!pending.isEmpty() && rounds < MAX_ROUNDS) {
            rounds++;
            boolean exchange = seeded || rounds > 1;
            List<Outcome> outcomes = Parallel.map(pending, def -> attack(def, figures, published.apply(def.rapport().id()),
                    memberships, known, last.get(def.rapport().id()), primaries.get(def.rapport().id())));
            for (int i = 0; i < pending.size(); i++) {
                String id = pending.get(i).rapport().id();
                Outcome o = outcomes.get(i);
                last.put(id, o.attack());
                disclosedBy.put(id, o.disclosed());
                provenBy.put(id, o.provenSmall());
                if (!o.primaryBounded().isEmpty()) {
                    primaryBounded.put(id, o.primaryBounded());
                }
                derived.put(id, unpinned(o.bounds()));
                for (Map.Entry<TotalCell, long[]> e : o.bounds().entrySet()) {
                    long[] b = known.get(e.getKey());
                    long[] m = e.getValue();
                    if (exchange && b != null && (m[0] > b[0] || m[1] < b[1])) {
                        narrowed++; // narrower than what another rapport, or an earlier round, gave
                    }
                }
            }
            outcomes.forEach(o -> intersect(known, o.bounds()));
            addUp(known, sums);
            pending = rapports.stream().filter(def -> learns(derived.get(def.rapport().id()), known)).toList();
        }
        List<String> disclosed = new ArrayList<>();
        disclosedBy.values().forEach(disclosed::addAll);
        Map<Level, long[]> provenSmall = new EnumMap<>(Level.class);
        provenBy.values().forEach(byLevel -> byLevel.forEach((level, c) -> {
            long[] t = provenSmall.computeIfAbsent(level, k -> new long[2]);
            t[0] += c[0];
            t[1] += c[1];
        }));
        return new Result(group, rapports.stream().map(d -> d.rapport().id()).toList(), rounds, pending.isEmpty(),
                narrowed, disclosed, provenSmall, primaryBounded);
    }

    /** The cells still unknown: the only ones another rapport may narrow further. */
    private static Map<TotalCell, long[]> unpinned(Map<TotalCell, long[]> bounds) {
        Map<TotalCell, long[]> open = new HashMap<>();
        bounds.forEach((cell, b) -> {
            if (b[0] < b[1]) {
                open.put(cell, b);
            }
        });
        return open;
    }

    /** Whether what is known of a rapport's unknown total cells is narrower than what it derived itself. */
    private static boolean learns(Map<TotalCell, long[]> own, Map<TotalCell, long[]> known) {
        for (Map.Entry<TotalCell, long[]> e : own.entrySet()) {
            long[] b = known.get(e.getKey());
            long[] m = e.getValue();
            if (b[0] > m[0] || b[1] < m[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rapport attacked with what is known of its total cells (read only here), resumed from
     * {@code previous} (an attack of the same tables, null for none).
     */
    private static Outcome attack(RapportDefinition def, Set<String> figures, List<RapportTable> tables,
                                  Map<String, Membership> memberships, Map<TotalCell, long[]> known,
                                  Attacker.Result previous, BitSet primaries) {
        PublicView view = PublicView.build(def, tables, memberships);
        CellSystem system = view.system();
        if (previous != null) {
            if (previous.min().length != system.size()) {
                throw new IllegalArgumentException(def.rapport().id() + ": the earlier attack is not of these tables");
            }
            for (int v = 0; v < system.size(); v++) {
                system.narrow(v, previous.min()[v], previous.max()[v]);
            }
        }
        totalCells(def, tables, view, (cell, v) -> {
            long[] b = known.get(cell);
            if (b != null) {
                system.narrow(v, b[0], b[1]);
            }
        });
        Attacker.Result attack = previous != null ? Attacker.resume(system) : Attacker.attack(system);
        Map<TotalCell, long[]> bounds = totalBounds(def, tables, view, attack);
        bounds.keySet().removeIf(cell -> !figures.contains(cell.figure()));
        return new Outcome(bounds, disclosed(def, tables, view, attack), attack,
                boundedBelowEleven(tables, view, attack, null), primaries == null ? Map.of()
                        : boundedBelowEleven(tables, view, attack, primaries));
    }

    /**
     * Per level: the masked count cells (only the primary ones, when {@code primaries} is given),
     * and those the attack bounds above by 10.
     */
    private static Map<Level, long[]> boundedBelowEleven(List<RapportTable> tables, PublicView view,
                                                         Attacker.Result attack, BitSet primaries) {
        Map<Level, long[]> counts = new EnumMap<>(Level.class);
        for (RapportTable t : tables) {
            for (RapportTable.Mask m : t.masks()) {
                Integer v = view.variable(t.territoire(), m.line(), m.column());
                if (v != null && (primaries == null || primaries.get(v))) {
                    long[] c = counts.computeIfAbsent(t.territoire().level(), k -> new long[2]);
                    c[0]++;
                    c[1] += attack.max()[v] <= 10 ? 1 : 0;
                }
            }
        }
        return counts;
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
