package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;


import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacker's audit over the whole catalogue of a small generated millésime (three
 * départements, {@link GeneratedWarehouse}): no primary cell can be pinned from everything
 * published, and the audit did meet primary and secondary cells at every level.
 */
public class AuditTest {

    @Test
    void noPrimaryCellOfAnyRapportCanBePinned() {
        Path folder = GeneratedWarehouse.folder();
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(folder)) {
            int millesime = GeneratedWarehouse.millesime();
            List<String> disclosed = new ArrayList<>();
            long[] primaries = new long[Level.values().length];
            long[] secondaries = new long[Level.values().length];
            for (Rapport r : warehouse.catalogue()) {
                Audit.Result result = Audit.audit(warehouse, r.id(), millesime);
                result.disclosed().forEach(d -> disclosed.add(r.id() + " " + d));
                result.counts().forEach((n, c) -> {
                    primaries[n.ordinal()] += c[1];
                    secondaries[n.ordinal()] += c[2];
                });
            }
            assertEquals(List.of(), disclosed.stream().limit(20).toList(), disclosed.size() + " primary cells pinned");
            for (Level n : List.of(Level.REGION, Level.DEPARTEMENT, Level.EPCI, Level.COMMUNE)) {
                assertTrue(primaries[n.ordinal()] > 0, "primary cells at level " + n);
                assertTrue(secondaries[n.ordinal()] > 0, "secondary cells at level " + n);
            }
        }
    }
}
