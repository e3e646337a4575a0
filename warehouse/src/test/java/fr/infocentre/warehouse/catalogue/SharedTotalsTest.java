package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rapports declaring the same {@code total_figure} do publish the same figure: on a generated
 * millésime, as computed (before the secret statistique), their total lines hold the same count in
 * every count column of the same key, for every territory of every level they share.
 */
class SharedTotalsTest {

    @Test
    void theRapportsOfOneTotalFigureHaveTheSameTotals() {
        GeneratedWarehouse.Raw raw = GeneratedWarehouse.raw();
        int millesime = GeneratedWarehouse.millesime();
        Map<String, List<RapportDefinition>> figures = new TreeMap<>();
        for (Rapport rapport : raw.catalogue.rapports()) {
            RapportDefinition def = raw.catalogue.definition(rapport.id()).orElseThrow();
            if (def.totalFigure() != null) {
                figures.computeIfAbsent(def.totalFigure(), k -> new ArrayList<>()).add(def);
            }
        }
        assertEquals(List.of("attributions-annee", "demandes-actives-31-decembre"), List.copyOf(figures.keySet()));
        int compared = 0;
        for (List<RapportDefinition> rapports : figures.values()) {
            assertTrue(rapports.size() > 10, rapports.size() + " rapports");
            RapportDefinition first = rapports.get(0);
            for (Level level : List.of(Level.NATIONAL, Level.DEPARTEMENT, Level.COMMUNE)) {
                Map<String, ComputedTable> reference = raw.level(first.rapport().id(), level, millesime);
                for (RapportDefinition other : rapports.subList(1, rapports.size())) {
                    Map<String, ComputedTable> tables = raw.level(other.rapport().id(), level, millesime);
                    for (Map.Entry<String, ComputedTable> t : tables.entrySet()) {
                        ComputedTable ref = reference.get(t.getKey());
                        for (Map.Entry<String, ComputedTable.Value> v : t.getValue().total().values().entrySet()) {
                            if (v.getValue() instanceof Count n && ref.total().values().get(v.getKey()) instanceof Count m) {
                                assertEquals(m.n(), n.n(), other.rapport().id() + " vs " + first.rapport().id() + " "
                                        + level.key() + " " + t.getKey() + " " + v.getKey());
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(compared > 1000, compared + " total cells compared");
    }

    /**
     * A {@code same_figures} line (the December stock, year N of the yearly series…, the sum of
     * TAB02-04's months) holds, as computed by its own SQL, the figure its figure's first rapport
     * computes by another SQL (its total line, or TAB01-01's new demandes).
     */
    @Test
    void aLinePublishingATotalFigureHoldsThatTotal() {
        GeneratedWarehouse.Raw raw = GeneratedWarehouse.raw();
        int millesime = GeneratedWarehouse.millesime();
        int compared = 0, rapports = 0;
        for (Rapport rapport : raw.catalogue.rapports()) {
            RapportDefinition def = raw.catalogue.definition(rapport.id()).orElseThrow();
            rapports += def.sameFigures().isEmpty() ? 0 : 1;
            for (RapportDefinition.SameFigure f : def.sameFigures()) {
                for (Level level : List.of(Level.NATIONAL, Level.DEPARTEMENT, Level.EPCI)) {
                    List<RapportDefinition> all = raw.catalogue.rapports().stream()
                            .map(r -> raw.catalogue.definition(r.id()).orElseThrow()).toList();
                    List<RapportDefinition> holders = f.figures().stream()
                            .map(name -> RapportDefinition.figureHolder(all, name).orElseThrow()).toList();
                    List<Map<String, ComputedTable>> references = holders.stream()
                            .map(h -> raw.level(h.rapport().id(), level, millesime)).toList();
                    for (Map.Entry<String, ComputedTable> t : raw.level(def.rapport().id(), level, millesime).entrySet()) {
                        ComputedTable.Line line = line(t.getValue(), f.line());
                        for (Map.Entry<String, String> column : f.columns().entrySet()) {
                            long expected = 0;
                            for (int i = 0; i < holders.size(); i++) {
                                ComputedTable.Line figure = line(references.get(i).get(t.getKey()),
                                        holders.get(i).figureLine(f.figures().get(i)));
                                expected += ((Count) figure.values().get(column.getValue())).n();
                            }
                            assertEquals(expected, ((Count) line.values().get(column.getKey())).n(), def.rapport().id()
                                    + " " + f.line() + " " + column.getKey() + " vs " + f.sumName() + " "
                                    + level.key() + " " + t.getKey());
                            compared++;
                        }
                    }
                }
            }
        }
        assertEquals(11, rapports, "TAB01-01, TAB02-01, TAB02-02, TAB02-03 and TAB02-05 publish the stock at 31"
                + " December, TAB02-04's months add up to the new demandes and the attributions of the year,"
                + " TAB04-15's objectives are measured on attributions of series 04 (its DALO objective counts TAB04-14's"
                + " DALO and prioritaires), TAB04-16 repeats TAB03-12, TAB04-11 and both totals, TAB03-13 and TAB04-12"
                + " are their totals' mutation split, TAB04-09's LOCATAIRE_HLM line series 04's, TAB02-03 repeats"
                + " TAB02-01's quarters");
        assertTrue(compared > 200, compared + " cells compared");
    }

    /**
     * A line figure several rapports hold (TAB03-04's and TAB04-04's households of one person are
     * TAB03-05's and TAB04-05's personnes seules, by two dimensions' SQL) holds the same counts in
     * each of them, in every territory of every level, every count column.
     */
    @Test
    void aLineFigureSharedByRapportsHasTheSameCountsInEach() {
        GeneratedWarehouse.Raw raw = GeneratedWarehouse.raw();
        int millesime = GeneratedWarehouse.millesime();
        Map<String, List<RapportDefinition>> holders = new TreeMap<>();
        for (Rapport rapport : raw.catalogue.rapports()) {
            RapportDefinition def = raw.catalogue.definition(rapport.id()).orElseThrow();
            def.lineFigures().forEach(f -> holders.computeIfAbsent(f.figure(), k -> new ArrayList<>()).add(def));
        }
        holders.values().removeIf(h -> h.size() < 2);
        assertEquals(List.of("attributions-annee-personne-seule", "demandes-actives-31-decembre-personne-seule"),
                List.copyOf(holders.keySet()));
        int compared = 0, nonZero = 0;
        for (Map.Entry<String, List<RapportDefinition>> e : holders.entrySet()) {
            RapportDefinition first = e.getValue().get(0), second = e.getValue().get(1);
            for (Level level : List.of(Level.NATIONAL, Level.DEPARTEMENT, Level.COMMUNE)) {
                Map<String, ComputedTable> a = raw.level(first.rapport().id(), level, millesime);
                Map<String, ComputedTable> b = raw.level(second.rapport().id(), level, millesime);
                assertEquals(a.keySet(), b.keySet(), level.key());
                for (Map.Entry<String, ComputedTable> t : a.entrySet()) {
                    ComputedTable.Line la = line(t.getValue(), first.figureLine(e.getKey()));
                    ComputedTable.Line lb = line(b.get(t.getKey()), second.figureLine(e.getKey()));
                    for (Map.Entry<String, ComputedTable.Value> v : la.values().entrySet()) {
                        if (v.getValue() instanceof Count n) {
                            assertEquals(n.n(), ((Count) lb.values().get(v.getKey())).n(), e.getKey() + " "
                                    + level.key() + " " + t.getKey() + " " + v.getKey());
                            compared++;
                            nonZero += n.n() > 0 ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(nonZero > 200, nonZero + " cells of a shared line figure not 0, of " + compared);
    }

    /** The line of that key, the total line (always computed, published or not) for "total". */
    private static ComputedTable.Line line(ComputedTable table, String key) {
        return key.equals(ComputedTable.TOTAL_KEY) ? table.total()
                : table.lines().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow();
    }
}
