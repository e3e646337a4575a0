package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.LevelBatch;
import fr.infocentre.warehouse.secret.FixedFigures;
import fr.infocentre.warehouse.secret.LinkedTables;
import fr.infocentre.warehouse.secret.MaskingPattern;
import fr.infocentre.warehouse.secret.SecondarySuppression;
import fr.infocentre.warehouse.secret.SecretStatistique;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;
import fr.infocentre.warehouse.storage.Territoires;


import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The attacker's audit of a millésime (docs/secret-statistique.md, "How it is
 * checked"): for each rapport, its linked tables are computed and protected as the site and the
 * open data publish them; the {@link Attacker} then takes only what is public ({@link PublicView})
 * and bounds every masked cell. A primary cell (a count from 1 to 10) pinned to one value fails
 * the audit. The rapports of a family are attacked side by side ({@link Parallel}).
 */
public final class Audit {

    private Audit() {
    }

    /**
     * One rapport's result.
     *
     * @param counts        per level: published count cells, primary masked, secondary masked
     * @param totals        the same for the cells of the total line
     * @param forced        the primary cells that left no other choice than masking a national
     *                      cell or a région or département total (docs/secret-statistique.md)
     * @param disclosed     primary cells the attacker pinned (must be 0)
     * @param boundedBelowThreshold per level: primary cells, and those whose upper bound the attacker
     *                      derives is below 11 (published figures proving a masked count small)
     * @param narrowest     the narrowest interval (max − min) found for a primary cell, −1 when none is masked
     * @param narrowestCell where that interval is
     * @param published     the tables attacked, as published: every territory of every level the
     *                      rapport is published at, level after level
     * @param totalBounds   what the attack bounds of the total-line cells, for the joint attack of
     *                      the rapports sharing its total figure ({@link JointAudit#totalBounds})
     * @param attack        the attack itself, which the joint attack resumes
     * @param unwitnessed   the cells repeated from a total figure, masked as its rapports mask them,
     *                      for which no witness of this rapport was found: the joint attack vouches for them
     * @param primaries     the variables of the rapport's public view ({@link PublicView}) that are primary
     *                      cells, for the joint attack to bound them ({@link JointAudit.Result#primaryBounded})
     */
    public record Result(String rapport, Map<Level, long[]> counts, Map<Level, long[]> totals, List<String> forced,
                         List<String> disclosed, Map<Level, long[]> boundedBelowThreshold, long narrowest,
                    String narrowestCell, double computeSeconds, double protectSeconds,
                    double attackSeconds, List<RapportTable> published,
                         Map<JointAudit.TotalCell, long[]> totalBounds, Attacker.Result attack,
                         List<String> unwitnessed, BitSet primaries) {
    }

    /** The rapport as the warehouse computes it, every figure afresh. */
    public static Result audit(DuckDbWarehouse warehouse, String rapportId, int millesime) {
        return audit(warehouse, List.of(rapportId), millesime).get(0);
    }

    /** Rapports sharing a total figure as the warehouse computes them, protected together. */
    public static List<Result> audit(DuckDbWarehouse warehouse, List<String> rapportIds, int millesime) {
        return audit(warehouse, rapportIds, millesime, (def, published) -> FixedFigures.none());
    }

    /**
     * The rapport as release {@code millesime} publishes it: the figures of earlier years that
     * the earlier releases published are theirs, with their status ({@link FixedFigures}).
     */
    public static Result audit(DuckDbWarehouse warehouse, String rapportId, int millesime, Releases earlier) {
        return audit(warehouse, List.of(rapportId), millesime, earlier).get(0);
    }

    /**
     * Rapports whose total line is the same figure, as release {@code millesime} publishes them:
     * protected together ({@link SecondarySuppression#choosePatterns}), each then attacked on its own.
     */
    public static List<Result> audit(DuckDbWarehouse warehouse, List<String> rapportIds, int millesime, Releases earlier) {
        return audit(warehouse, rapportIds, millesime, earlier, Map.of());
    }

    /**
     * The same, a line repeating a figure ({@code same_figures}) taking the status the figure's
     * rapports gave it ({@link FixedFigures#sameFigures}).
     *
     * @param figures figure → the published tables of one of its rapports, already protected
     */
    public static List<Result> audit(DuckDbWarehouse warehouse, List<String> rapportIds, int millesime, Releases earlier,
                                     Map<String, FixedFigures.FigureTables> figures) {
        return audit(warehouse, rapportIds, millesime, (def, published) -> FixedFigures.read(def, millesime, earlier,
                published).and(FixedFigures.sameFigures(def, figures)));
    }

    /**
     * The rapports grouped as they are protected: those sharing a total figure together (in the
     * order of the first of them), every other one alone.
     */
    public static List<List<String>> families(DuckDbWarehouse warehouse, List<String> rapportIds) {
        Map<String, List<String>> byFigure = new LinkedHashMap<>();
        for (String id : rapportIds) {
            String figure = warehouse.catalogueDefinitions().definition(id).map(RapportDefinition::totalFigure).orElse(null);
            byFigure.computeIfAbsent(figure == null ? "rapport " + id : figure, f -> new ArrayList<>()).add(id);
        }
        return List.copyOf(byFigure.values());
    }

    /** A rapport's linked tables as published, ready to be protected. */
    private record Prepared(RapportDefinition def, Set<Level> levels, List<ComputedTable> tables, LinkedTables linked,
                            double computeSeconds) {
    }

    private static List<Result> audit(DuckDbWarehouse warehouse, List<String> rapportIds, int millesime,
                                      BiFunction<RapportDefinition, List<ComputedTable>, FixedFigures> earlierFigures) {
        Map<String, Territoires.Membership> memberships = warehouse.territoires().memberships();
        List<Prepared> prepared = new ArrayList<>();
        for (String rapportId : rapportIds) {
            long t0 = System.nanoTime();
            RapportDefinition def = LevelBatch.check(warehouse.catalogueDefinitions(), warehouse.millesimes(), rapportId,
                    List.of(), millesime);
            Set<Level> levels = Set.copyOf(def.rapport().levels());
            List<ComputedTable> computed = warehouse.linkedTables(def, millesime);
            FixedFigures earlier = earlierFigures.apply(def,
                    computed.stream().filter(t -> levels.contains(t.territoire().level())).toList());
            List<ComputedTable> tables = computed.stream()
                    .map(t -> levels.contains(t.territoire().level()) ? earlier.apply(def, t) : t).toList();
            LinkedTables linked = LinkedTables.build(def, tables, levels, memberships, earlier);
            prepared.add(new Prepared(def, levels, tables, linked, (System.nanoTime() - t0) / 1e9));
        }
        long t1 = System.nanoTime();
        List<SecondarySuppression.Result> masks = SecondarySuppression.choosePatterns(
                prepared.stream().map(Prepared::linked).toList());
        double protectSeconds = (System.nanoTime() - t1) / 1e9 / prepared.size();
        List<Integer> rapports = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            rapports.add(i);
        }
        return Parallel.map(rapports, i -> attack(prepared.get(i), masks.get(i), memberships, protectSeconds));
    }

    private static Result attack(Prepared p, SecondarySuppression.Result mask, Map<String, Territoires.Membership> memberships,
                                 double protectSeconds) {
        LinkedTables linked = p.linked();
        MaskingPattern pattern = MaskingPattern.since(linked, mask);
        long t2 = System.nanoTime();
        List<RapportTable> published = new ArrayList<>();
        for (ComputedTable t : p.tables()) {
            if (p.levels().contains(t.territoire().level())) {
                published.add(SecretStatistique.protect(t, pattern));
            }
        }
        PublicView view = PublicView.build(p.def(), published, memberships);
        Attacker.Result attack = Attacker.attack(view.system());
        long t3 = System.nanoTime();
        List<String> disclosed = new ArrayList<>();
        Map<Level, long[]> bounded = new EnumMap<>(Level.class);
        BitSet primaries = new BitSet(view.system().size());
        long narrowest = -1;
        String or = "";
        for (int t = 0; t < linked.size(); t++) {
            for (int l = 0; l < linked.lines.size(); l++) {
                for (int j = 0; j < linked.columns.size(); j++) {
                    if (!mask.primary()[t][l][j] || l == linked.lines.size() - 1 && !p.def().total()) {
                        continue; // not a cell of this rapport, or the unpublished sum of its lines
                    }
                    Territoire territoire = linked.territoires.get(t);
                    String cell = describe(linked, t, l, j);
                    Integer v = view.variable(territoire, linked.lines.get(l), linked.columns.get(j));
                    if (v == null) {
                        throw new IllegalStateException("primary cell not in the public view: " + cell);
                    }
                    primaries.set(v);
                    if (attack.determined()[v]) {
                        disclosed.add(cell + " = " + attack.min()[v]);
                    }
                    long[] b = bounded.computeIfAbsent(territoire.level(), n -> new long[2]);
                    b[0]++;
                    b[1] += attack.max()[v] <= SecretStatistique.MAX_THRESHOLD ? 1 : 0;
                    long width = attack.max()[v] == Long.MAX_VALUE ? Long.MAX_VALUE : attack.max()[v] - attack.min()[v];
                    if (narrowest < 0 || width < narrowest) {
                        narrowest = width;
                        or = cell + " ∈ [" + attack.min()[v] + ", "
                                + (attack.max()[v] == Long.MAX_VALUE ? "∞" : attack.max()[v]) + "]";
                    }
                }
            }
        }
        List<String> forced = mask.forced().stream().map(c -> describe(linked, c[0], c[1], c[2])).toList();
        List<String> unwitnessed = mask.unwitnessed().stream().map(c -> describe(linked, c[0], c[1], c[2])).toList();
        return new Result(p.def().rapport().id(), atPublishedLevels(pattern.counts(), p.levels()),
                atPublishedLevels(pattern.totals(), p.levels()), forced, disclosed, bounded, narrowest, or, p.computeSeconds(),
                protectSeconds, (t3 - t2) / 1e9, published, JointAudit.totalBounds(p.def(), published, view, attack),
                attack, unwitnessed, primaries);
    }

    private static Map<Level, long[]> atPublishedLevels(Map<Level, long[]> byLevel, Set<Level> levels) {
        Map<Level, long[]> kept = new EnumMap<>(Level.class);
        byLevel.forEach((n, c) -> {
            if (levels.contains(n)) {
                kept.put(n, c);
            }
        });
        return kept;
    }

    private static String describe(LinkedTables linked, int t, int l, int j) {
        Territoire territoire = linked.territoires.get(t);
        return territoire.level().key() + " " + territoire.code() + " " + linked.lines.get(l) + " " + linked.columns.get(j);
    }
}
