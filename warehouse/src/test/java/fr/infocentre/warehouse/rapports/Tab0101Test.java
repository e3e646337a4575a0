package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.Cells.count;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TAB01-01 on the mini extract; expected figures worked out by hand in its README.md (table 1). */
public class Tab0101Test {

    static final List<String> LINES = List.of("STOCK_DEBUT", "NOUVELLES", "REACTIVATIONS", "RADIATION_ATTRIBUTION",
            "RADIATION_RENONCIATION", "RADIATION_ABSENCE_REPONSE", "RADIATION_IRRECEVABILITE",
            "RADIATION_NON_RENOUVELLEMENT", "RADIATION_FUSION", "STOCK_FIN", "RENOUVELLEMENTS");

    private static RapportTable compute(Level level, String code, int millesime) {
        return MiniWarehouse.unprotected().compute("TAB01-01", level, code, millesime);
    }

    @Test
    void national() {
        RapportTable t = compute(Level.NATIONAL, "FR", 2024);
        assertEquals(LINES, Cells.keys(t));
        column(t, "ensemble", 25, 16, 2, 8, 1, 1, 1, 3, 1, 28, 10);
        column(t, "mutation", 13, 3, 0, 4, 0, 1, 0, 0, 1, 10, 6);
        column(t, "hors_mutation", 12, 13, 2, 4, 1, 0, 1, 3, 0, 18, 4);
        assertNull(t.total(), "a flow table has no total line");
        assertTrue(t.masks().isEmpty());
        assertEquals("Stock au 1er janvier 2024", Cells.line(t, "STOCK_DEBUT").get("categorie"));
    }

    @Test
    void regionProvenceAlpesCoteDAzurEqualsItsOnlyDepartementInTheExtract() {
        for (RapportTable t : List.of(compute(Level.REGION, "93", 2024), compute(Level.DEPARTEMENT, "06", 2024))) {
            column(t, "ensemble", 11, 8, 1, 3, 1, 1, 0, 1, 0, 14, 6);
            column(t, "mutation", 5, 1, 0, 1, 0, 1, 0, 0, 0, 4, 3);
            column(t, "hors_mutation", 6, 7, 1, 2, 1, 0, 0, 1, 0, 10, 3);
        }
    }

    @Test
    void rhoneWithLyonArrondissementsAndVilleurbanne() {
        for (RapportTable t : List.of(compute(Level.REGION, "84", 2024), compute(Level.DEPARTEMENT, "69", 2024),
                compute(Level.EPCI, METROPOLE_LYON, 2024))) {
            column(t, "ensemble", 14, 8, 1, 5, 0, 0, 1, 2, 1, 14, 4);
            column(t, "mutation", 8, 2, 0, 3, 0, 0, 0, 0, 1, 6, 3);
            column(t, "hors_mutation", 6, 6, 1, 2, 0, 0, 1, 2, 0, 8, 1);
        }
    }

    @Test
    void epciMetropoleNiceCoteDAzurLeavesAntibesOut() {
        RapportTable t = compute(Level.EPCI, METROPOLE_NICE, 2024);
        column(t, "ensemble", 9, 7, 1, 2, 1, 1, 0, 1, 0, 12, 5);
        column(t, "mutation", 4, 1, 0, 1, 0, 1, 0, 0, 0, 3, 2);
        column(t, "hors_mutation", 5, 6, 1, 1, 1, 0, 0, 1, 0, 9, 3);
    }

    @Test
    void firstYearOfHistoryStartsFromAnEmptyStock() {
        RapportTable t = compute(Level.NATIONAL, "FR", 2023);
        column(t, "ensemble", 0, 27, 0, 1, 1, 0, 0, 0, 0, 25, 0);
        assertEquals("Stock au 31 décembre 2023", Cells.line(t, "STOCK_FIN").get("categorie"));
    }

    @ParameterizedTest
    @CsvSource({"NATIONAL,FR,2024", "NATIONAL,FR,2023", "REGION,93,2024", "REGION,84,2024", "DEPARTEMENT,06,2024",
            "DEPARTEMENT,69,2024", "EPCI,200030195,2024", "EPCI,200046977,2024", "EPCI,240600585,2024"})
    void stockIdentityHoldsInEveryColumn(Level level, String code, int millesime) {
        checkIdentity(compute(level, code, millesime));
    }

    /** stock(1 Jan) + new + reactivations − radiations = stock(31 Dec), in each column. */
    public static void checkIdentity(RapportTable t) {
        for (String c : List.of("ensemble", "mutation", "hors_mutation")) {
            long outputs = LINES.stream().filter(l -> l.startsWith("RADIATION_")).mapToLong(l -> count(t, l, c)).sum();
            assertEquals(count(t, "STOCK_FIN", c),
                    count(t, "STOCK_DEBUT", c) + count(t, "NOUVELLES", c) + count(t, "REACTIVATIONS", c) - outputs,
                    "identity, " + t.territoire() + " " + t.millesime() + " column " + c);
        }
    }
}
