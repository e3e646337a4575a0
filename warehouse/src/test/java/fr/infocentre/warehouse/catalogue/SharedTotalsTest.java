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
}
