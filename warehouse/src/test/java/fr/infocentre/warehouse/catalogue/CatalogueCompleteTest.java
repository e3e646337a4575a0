package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.fixtures.TerritorySql;


import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.engine.ComputedTable.Line;
import fr.infocentre.warehouse.engine.ComputedTable.Statistic;
import fr.infocentre.warehouse.engine.ComputedTable.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole catalogue on a generated extract ({@link GeneratedWarehouse}), on the tables as
 * computed (before the secret statistique): the level-by-level batch (the one route) gives each
 * of a sample of territories the counts and statistics of the rapport's SQL run for it alone
 * ({@link TerritorySql}); the rapports of a series agree on the
 * stock at 31 December and on the attributions of the year; every count adds up from communes
 * to EPCI and département, from départements to region, from regions to France.
 */
public class CatalogueCompleteTest {

    private static GeneratedWarehouse.Raw raw;
    private static int millesime;

    @BeforeAll
    static void open() {
        raw = GeneratedWarehouse.raw();
        millesime = GeneratedWarehouse.millesime();
    }

    private static List<Rapport> catalogue() {
        return raw.catalogue.rapports();
    }

    private static List<Rapport> series(String series) {
        return catalogue().stream().filter(r -> r.series().equals(series)).toList();
    }

    @Test
    void theExtractCoversSeveralTerritoriesOfEachLevel() {
        assertEquals(GeneratedWarehouse.DEPARTEMENTS, codes(Level.DEPARTEMENT));
        assertEquals(List.of("76", "93"), codes(Level.REGION));
        assertTrue(raw.territoires.territoires(Level.EPCI).size() > 5);
        assertTrue(raw.territoires.territoires(Level.COMMUNE).size() > 300);
        assertEquals(40, catalogue().size());
    }

    @Test
    void levelByLevelGivesTheFiguresOfTheSqlRunForEachTerritory() {
        long compared = 0;
        for (Rapport r : catalogue()) {
            RapportDefinition def = raw.definition(r.id());
            for (Level level : r.levels()) {
                Map<String, ComputedTable> tables = raw.level(r.id(), level, millesime);
                List<Territoire> territoires = raw.territoires.territoires(level);
                assertEquals(territoires.stream().map(Territoire::code).toList(), List.copyOf(tables.keySet()),
                        r.id() + " " + level + ": one table per territory, in code order");
                for (Territoire t : sample(territoires)) {
                    compared += sameFigures(def, new TerritorySql(raw.connection, def, t, millesime), tables.get(t.code()));
                }
            }
        }
        assertTrue(compared > 1000, "the comparisons must not be vacuous: " + compared);
    }

    /**
     * Each count of the SQL's columns, on each available line, and each statistic (lines and
     * total) are those of the SQL run for the territory alone. Returns the sum of the counts.
     */
    private static long sameFigures(RapportDefinition def, TerritorySql sql, ComputedTable table) {
        Map<String, Map<String, Long>> counts = sql.counts();
        Map<String, Map<String, Statistic>> statistics = sql.statistics();
        long sum = 0;
        List<Line> lines = new ArrayList<>(table.lines());
        lines.add(table.total());
        for (Line line : lines) {
            String at = def.rapport().id() + " " + table.territoire() + " " + line.key() + "/";
            for (DeclaredColumn c : def.sqlColumns()) {
                if (!line.key().equals(ComputedTable.TOTAL_KEY) && line.values().get(c.key()) instanceof Count n) {
                    assertEquals(counts.getOrDefault(line.key(), Map.of()).getOrDefault(c.key(), 0L), n.n(), at + c.key());
                    sum += n.n();
                }
            }
            line.values().forEach((column, value) -> {
                if (value instanceof Statistic st) {
                    assertEquals(statistics.getOrDefault(line.key(), Map.of()).getOrDefault(column, new Statistic(null, 0)),
                            st, at + column);
                }
            });
        }
        return sum;
    }

    @Test
    void allLevelsInOnePassGiveTheTablesOfEachLevel() {
        for (Rapport r : catalogue()) {
            List<ComputedTable> set = raw.levels(r.id(), r.levels(), millesime);
            List<ComputedTable> byLevel = new ArrayList<>();
            for (Level level : r.levels()) {
                byLevel.addAll(raw.level(r.id(), level, millesime).values());
            }
            assertEquals(byLevel, set, r.id());
        }
    }

    /** Every territory up to départements, three EPCI and communes (the SQL run for each territory is slow). */
    private static List<Territoire> sample(List<Territoire> territoires) {
        if (territoires.size() <= 3) {
            return territoires;
        }
        return List.of(territoires.get(0), territoires.get(territoires.size() / 2),
                territoires.get(territoires.size() - 1));
    }

    @Test
    void everySerie03TotalIsTheStockAt31December() {
        for (Level level : List.of(Level.NATIONAL, Level.REGION, Level.DEPARTEMENT, Level.EPCI)) {
            Map<String, ComputedTable> flux = raw.level("TAB01-01", level, millesime);
            Map<String, ComputedTable> threeYears = raw.level("TAB02-02", level, millesime);
            Map<String, ComputedTable> fiveYears = raw.level("TAB02-05", level, millesime);
            for (Rapport r : series("03")) {
                Map<String, ComputedTable> tables = raw.level(r.id(), level, millesime);
                for (Map.Entry<String, ComputedTable> e : flux.entrySet()) {
                    long stock = n(e.getValue(), "STOCK_FIN", "ensemble");
                    String or = r.id() + " " + level + " " + e.getKey();
                    assertEquals(stock, n(tables.get(e.getKey()), ComputedTable.TOTAL_KEY, "effectif"), or);
                    assertEquals(stock, n(threeYears.get(e.getKey()), "N", "effectif"), "TAB02-02, " + or);
                    assertEquals(stock, n(fiveYears.get(e.getKey()), "N", "demandes"), "TAB02-05, " + or);
                }
            }
        }
        assertTrue(n(raw.level("TAB01-01", Level.NATIONAL, millesime).get("FR"), "STOCK_FIN", "ensemble") > 100,
                "the comparisons must not be vacuous");
    }

    @Test
    void atCommuneLevelEverySerie03RapportCountsTheSameStock() {
        Map<String, ComputedTable> reference = raw.level("TAB03-13", Level.COMMUNE, millesime);
        for (Rapport r : series("03")) {
            Map<String, ComputedTable> tables = raw.level(r.id(), Level.COMMUNE, millesime);
            reference.forEach((code, t) -> assertEquals(n(t, ComputedTable.TOTAL_KEY, "effectif"),
                    n(tables.get(code), ComputedTable.TOTAL_KEY, "effectif"), r.id() + " commune " + code));
        }
    }

    @Test
    void everySerie04TotalIsTheAttributionsOfTheYear() {
        List<Level> levels = List.of(Level.NATIONAL, Level.REGION, Level.DEPARTEMENT, Level.EPCI);
        for (Level level : levels) {
            Map<String, ComputedTable> fiveYears = raw.level("TAB02-05", level, millesime);
            Map<String, ComputedTable> flux = raw.level("TAB01-01", level, millesime);
            for (Rapport r : series("04")) {
                Map<String, ComputedTable> tables = raw.level(r.id(), level, millesime);
                for (Map.Entry<String, ComputedTable> e : fiveYears.entrySet()) {
                    long attributions = n(e.getValue(), "N", "attributions");
                    ComputedTable t = tables.get(e.getKey());
                    String or = r.id() + " " + level + " " + e.getKey();
                    switch (r.id()) {
                        case "TAB04-15" -> assertEquals(attributions, n(t, "DALO_PRIORITAIRES", "eligibles"), or);
                        case "TAB04-16" -> {
                            assertEquals(attributions, n(t, ComputedTable.TOTAL_KEY, "attributions"), or);
                            assertEquals(n(flux.get(e.getKey()), "STOCK_FIN", "ensemble"),
                                    n(t, ComputedTable.TOTAL_KEY, "demandes"), or + " (demandes)");
                        }
                        default -> assertEquals(attributions, n(t, ComputedTable.TOTAL_KEY, "effectif"), or);
                    }
                }
            }
        }
        assertTrue(n(raw.level("TAB02-05", Level.NATIONAL, millesime).get("FR"), "N", "attributions") > 100,
                "the comparisons must not be vacuous");
    }

    @Test
    void countsAddUpFromCommunesToEpciAndDepartements() {
        Map<String, List<String>> communes = raw.communes;
        long total = 0;
        for (Rapport r : catalogue()) {
            if (!r.levels().contains(Level.COMMUNE)) {
                continue;
            }
            Map<String, ComputedTable> byCommune = raw.level(r.id(), Level.COMMUNE, millesime);
            total += checkSums(r, byCommune, raw.level(r.id(), Level.DEPARTEMENT, millesime),
                    code -> communes.get(code).get(0));
            // an EPCI straddling a département outside the extract is not the sum of the communes covered
            Map<String, ComputedTable> epci = new HashMap<>(raw.level(r.id(), Level.EPCI, millesime));
            communes.forEach((code, parents) -> {
                if (parents.get(2) != null && !byCommune.containsKey(code)) {
                    epci.remove(parents.get(2));
                }
            });
            assertFalse(epci.isEmpty());
            total += checkSums(r, byCommune, epci, code -> communes.get(code).get(2));
        }
        assertTrue(total > 0, "the sums must not be vacuous");
    }

    @Test
    void countsAddUpFromDepartementsToRegionsAndFromRegionsToFrance() {
        Map<String, String> regionOf = new HashMap<>();
        raw.communes.values().forEach(p -> regionOf.put(p.get(0), p.get(1)));
        long total = 0;
        for (Rapport r : catalogue()) {
            Map<String, ComputedTable> regions = raw.level(r.id(), Level.REGION, millesime);
            total += checkSums(r, raw.level(r.id(), Level.DEPARTEMENT, millesime), regions, regionOf::get);
            total += checkSums(r, regions, raw.level(r.id(), Level.NATIONAL, millesime), code -> "FR");
        }
        assertTrue(total > 0, "the sums must not be vacuous");
    }

    /**
     * Every count cell of every parent table (lines and total) is the sum of its children's;
     * {@code parent} gives a child's parent code (children without one, or whose parent is not
     * among {@code parents}, are ignored). Returns the sum of the parents' counts.
     */
    private static long checkSums(Rapport r, Map<String, ComputedTable> children, Map<String, ComputedTable> parents,
                                       Function<String, String> parent) {
        Map<String, Map<String, Long>> sums = new HashMap<>();
        children.forEach((code, t) -> {
            String p = parent.apply(code);
            if (p != null && parents.containsKey(p)) {
                Map<String, Long> s = sums.computeIfAbsent(p, k -> new HashMap<>());
                counts(t).forEach((cell, n) -> s.merge(cell, n, Long::sum));
            }
        });
        assertFalse(parents.isEmpty(), r.id());
        long nonNull = 0;
        for (Map.Entry<String, ComputedTable> e : parents.entrySet()) {
            Map<String, Long> expected = counts(e.getValue());
            Map<String, Long> sum = sums.getOrDefault(e.getKey(), Map.of());
            for (Map.Entry<String, Long> cell : expected.entrySet()) {
                assertEquals(cell.getValue(), sum.getOrDefault(cell.getKey(), 0L),
                        r.id() + " " + e.getValue().territoire() + " cell " + cell.getKey());
                nonNull += cell.getValue();
            }
        }
        return nonNull;
    }

    /** "line/column" → count, over the lines and the total. */
    private static Map<String, Long> counts(ComputedTable t) {
        Map<String, Long> cells = new HashMap<>();
        List<Line> lines = new ArrayList<>(t.lines());
        lines.add(t.total());
        for (Line l : lines) {
            for (Map.Entry<String, Value> v : l.values().entrySet()) {
                if (v.getValue() instanceof Count e) {
                    cells.put(l.key() + "/" + v.getKey(), e.n());
                }
            }
        }
        return cells;
    }

    private static long n(ComputedTable t, String line, String column) {
        Line l = ComputedTable.TOTAL_KEY.equals(line) ? t.total()
                : t.lines().stream().filter(x -> x.key().equals(line)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + line + " in " + t.rapport().id()));
        Value v = l.values().get(column);
        if (!(v instanceof Count e)) {
            throw new AssertionError(t.rapport().id() + " " + line + "/" + column + " is not a count: " + v);
        }
        return e.n();
    }

    private static List<String> codes(Level level) {
        return raw.territoires.territoires(level).stream().map(Territoire::code).toList();
    }
}
