package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Category;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.ComputedTable.Cell;
import fr.infocentre.warehouse.engine.RapportEngine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of a rapport whose status is fixed before the rapport is protected: a figure shown
 * is shown with the same value, a figure masked is masked, and the protection keeps both as they
 * are ({@link #status}). Two sources fix figures:
 * <ul>
 *   <li>earlier releases (docs/releases.md, "One value per figure across years"): in a dimension of
 *       years, the line of year N + k (offset k &lt; 0) is, for the same territory, the line of year
 *       N of release N + k. When release N + k holds the rapport for every territory the rapport is
 *       published at in N, that line is taken from it. A year with no release, or whose release
 *       lacks the rapport or one of the territories, is computed afresh ({@link #read});</li>
 *   <li>the rapports of a figure protected before it in the same release, for a line that
 *       publishes that figure ({@link RapportDefinition.SameFigure}: the December stock is the stock
 *       at 31 December of series 03): the line takes their values and masks ({@link #sameFigures}).
 *       A category line stands alone (the catalogue checks it), so it tells nothing of the figure
 *       that those rapports do not, and their protection protects it; the unpublished sum of the
 *       lines (TAB02-04's months add up to the year's) is tied to them, so a figure shown there
 *       makes this rapport protect its lines around it, and a figure masked there is protected
 *       here too.</li>
 * </ul>
 */
public final class FixedFigures {

    /** What was fixed of a cell: nothing, its value shown, or its mask. */
    public enum Status { FREE, SHOWN, MASKED }

    private static final FixedFigures NONE = new FixedFigures(Map.of(), new TreeMap<>());

    /** Territory (level, code) → category cell → the count shown, or {@link Status#MASKED}. */
    private final Map<Territoire, Map<Cell, Object>> held;
    /** The years taken from a release → the edition they come from. */
    private final SortedMap<Integer, Integer> editions;

    private FixedFigures(Map<Territoire, Map<Cell, Object>> held, SortedMap<Integer, Integer> editions) {
        this.held = held;
        this.editions = editions;
    }

    /** Nothing fixed: every figure computed afresh. */
    public static FixedFigures none() {
        return NONE;
    }

    /**
     * The published tables of a rapport holding a figure ({@link RapportDefinition#ownFigures}),
     * and the line of those tables holding it (the total line for a total figure).
     */
    public record FigureTables(String line, List<RapportTable> tables) {
    }

    /**
     * The lines of {@code def} publishing a figure of other rapports, as those rapports publish it.
     * A cell that is the sum of several figures ({@code plus}) is shown, with their sum, where all
     * of them are shown, and masked wherever one is.
     *
     * @param figures figure → the published tables of one of the rapports holding it, at least at
     *                the levels of {@code def}; a figure absent (not in the release) fixes nothing
     */
    public static FixedFigures sameFigures(RapportDefinition def, Map<String, FigureTables> figures) {
        Map<Territoire, Map<Cell, Object>> held = new HashMap<>();
        for (RapportDefinition.SameFigure f : def.sameFigures()) {
            List<FigureTables> sources = f.figures().stream().map(figures::get).toList();
            if (sources.contains(null)) {
                continue;
            }
            List<Map<Territoire, RapportTable>> byTerritory = sources.stream().map(FixedFigures::byTerritory).toList();
            for (Territoire territoire : byTerritory.get(0).keySet()) {
                Map<Cell, Object> cells = held.computeIfAbsent(territoire, k -> new HashMap<>());
                f.columns().forEach((column, target) -> {
                    Object kept = 0L;
                    for (int i = 0; i < sources.size() && kept != null; i++) {
                        RapportTable table = byTerritory.get(i).get(territoire);
                        Map<String, Object> figure = table == null ? null : table.lineOf(sources.get(i).line());
                        Object value = figure == null ? null : figure.get(target);
                        if (figure != null && table.mask(figure, target)) {
                            kept = Status.MASKED;
                        } else if (value == null) {
                            kept = null; // not published: nothing fixed
                        } else if (kept instanceof Long sum) {
                            kept = sum + ((Number) value).longValue();
                        }
                    }
                    if (kept != null) {
                        cells.put(new Cell(f.line(), column), kept);
                    }
                });
            }
        }
        return held.isEmpty() ? NONE : new FixedFigures(held, new TreeMap<>());
    }

    private static Map<Territoire, RapportTable> byTerritory(FigureTables source) {
        Map<Territoire, RapportTable> tables = new HashMap<>();
        source.tables().forEach(t -> tables.put(key(t.territoire()), t));
        return tables;
    }

    /** The figures either fixes (they never fix the same cell: one fixes years before N, the other year N). */
    public FixedFigures and(FixedFigures other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Map<Territoire, Map<Cell, Object>> both = new HashMap<>();
        for (FixedFigures f : List.of(this, other)) {
            f.held.forEach((t, cells) -> cells.forEach((cell, kept) -> {
                if (both.computeIfAbsent(t, k -> new HashMap<>()).put(cell, kept) != null) {
                    throw new IllegalArgumentException(t + " " + cell + " fixed twice");
                }
            }));
        }
        SortedMap<Integer, Integer> editions = new TreeMap<>(this.editions);
        editions.putAll(other.editions);
        return new FixedFigures(both, editions);
    }

    /**
     * What earlier releases published of the rapport (figures of earlier years).
     *
     * @param published the tables of millésime {@code millesime} at every level the rapport is
     *                  published at (the territories whose earlier lines are looked up)
     */
    public static FixedFigures read(RapportDefinition def, int millesime, Releases releases,
                                      List<ComputedTable> published) {
        Optional<String> yearLine = def.dimension().currentYearLine();
        if (yearLine.isEmpty()) {
            return NONE;
        }
        List<String> countColumns = def.columns().stream().filter(DeclaredColumn::isCount).map(DeclaredColumn::key)
                .toList();
        Map<Territoire, Map<Cell, Object>> held = new HashMap<>();
        SortedMap<Integer, Integer> editions = new TreeMap<>();
        for (Category c : def.dimension().categories()) {
            int year = c.millesime(millesime);
            if (year >= millesime || !releases.millesimes().contains(year)) {
                continue;
            }
            Map<Territoire, RapportTable> earlier = tables(def, year, releases, published);
            if (earlier == null) {
                continue;
            }
            earlier.forEach((territoire, table) -> table.lines().stream()
                    .filter(line -> yearLine.get().equals(line.get("cle"))).findFirst().ifPresent(line -> {
                        for (String column : countColumns) {
                            Object value = line.get(column);
                            Object kept = value != null ? (Object) ((Number) value).longValue()
                                    : table.mask(line, column) ? Status.MASKED : null;
                            if (kept != null) {
                                held.computeIfAbsent(territoire, k -> new HashMap<>()).put(new Cell(c.key(), column), kept);
                            }
                        }
                    }));
            editions.put(year, releases.edition(year).orElseThrow());
        }
        return new FixedFigures(held, editions);
    }

    /** Release {@code year}'s table of every published territory, or null when one is missing. */
    private static Map<Territoire, RapportTable> tables(RapportDefinition def, int year, Releases releases,
                                                        List<ComputedTable> published) {
        Map<Territoire, RapportTable> tables = new HashMap<>();
        for (ComputedTable t : published) {
            try {
                tables.put(key(t.territoire()), releases.table(def.rapport().id(), t.territoire().level(),
                        t.territoire().code(), year));
            } catch (InvalidRequest e) {
                return null;
            }
        }
        return tables;
    }

    private static Territoire key(Territoire t) {
        return new Territoire(t.level(), t.code(), null);
    }

    /**
     * The table with the figures fixed shown in place of those computed, and a note saying so when
     * they come from earlier releases (those of the same release have the same values).
     */
    public ComputedTable apply(RapportDefinition def, ComputedTable table) {
        Map<Cell, Object> cells = held.get(key(table.territoire()));
        if (cells == null) {
            return table;
        }
        Map<Cell, Long> shown = new HashMap<>();
        cells.forEach((cell, kept) -> {
            if (kept instanceof Long n) {
                shown.put(cell, n);
            }
        });
        return RapportEngine.withCounts(def, table, shown, editions.isEmpty() ? null : note());
    }

    /** What was fixed of that cell of the territory's table. */
    public Status status(Territoire territoire, String line, String column) {
        Map<Cell, Object> cells = held.get(key(territoire));
        Object kept = cells == null ? null : cells.get(new Cell(line, column));
        return kept == null ? Status.FREE : kept == Status.MASKED ? Status.MASKED : Status.SHOWN;
    }

    /** Whether no figure is fixed. */
    public boolean isEmpty() {
        return held.isEmpty();
    }

    private String note() {
        String years = editions.entrySet().stream()
                .map(e -> e.getKey() + " (millésime " + e.getKey() + ", édition " + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return "Chiffres de " + years + " : repris tels que " + (editions.size() == 1 ? "ce millésime les a publiés"
                : "ces millésimes les ont publiés") + ", secret statistique compris, pour qu'une donnée garde la même"
                + " valeur d'une publication à l'autre.";
    }
}
