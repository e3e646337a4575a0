package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A release holding two rapports of one total figure (TAB03-02 and TAB03-04: the demandes at 31
 * December, by age and by household size): {@code publier} protected them together, so every
 * cell of their total line, at every level, has the same value or the same mask in both.
 */
class SharedTotalInAReleaseTest {

    private static final List<String> COLUMNS = List.of("effectif", "mutation", "hors_mutation");

    @Test
    void everyTotalCellHasOneStatusInBothRapports() {
        ReleasedBeforeALaterLoad f = ReleasedBeforeALaterLoad.get();
        int compared = 0, masked = 0;
        try (ReleaseStore store = ReleaseStore.open(f.releases)) {
            for (int millesime : store.millesimes()) {
                for (Level level : Level.values()) {
                    for (Territoire t : store.territoires(level)) {
                        RapportTable age = store.table("TAB03-02", level, t.code(), millesime);
                        RapportTable menage = store.table("TAB03-04", level, t.code(), millesime);
                        for (String column : COLUMNS) {
                            boolean hidden = age.mask(age.total(), column);
                            assertEquals(hidden, menage.mask(menage.total(), column), t + " " + column + " " + millesime);
                            assertEquals(age.total().get(column), menage.total().get(column), t + " " + column);
                            compared++;
                            masked += hidden ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100, "compared " + compared);
        assertTrue(masked > 0, "some totals are masked (small communes), so the statuses were tested");
    }
}
