package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.publication.Publication;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures of the year published twice, in a release of their rapports on the generated
 * millésime, read from its files. A cell repeating another shows its value or carries its mask:
 * TAB04-16's cells are TAB03-12's and TAB04-11's (by typologie) and the totals of series 03 and
 * 04; TAB04-15's eligibles are the attributions of the year, in and outside QPV (TAB04-13's
 * lines); the lines of TAB03-13 and TAB04-12, and TAB04-09's LOCATAIRE_HLM, are the mutation
 * split of the totals, and their totals the totals; TAB02-03's March, June and September are
 * TAB02-01's first three quarters; TAB04-15's DALO objective counts TAB04-14's DALO and prioritaires hors DALO,
 * shown where both are, masked where either is. TAB02-04's months add up to the new demandes of the
 * year (TAB01-01's NOUVELLES) and to the attributions of the year (series 04's total): wherever the year's figure is shown the months of that column mask no
 * single month (else it is the figure minus the others), and show the figure as their sum when they
 * mask none; wherever it is masked they mask at least one month (else their sum shows it). The
 * release passed its joint audit, which ties the months' sum to the figure. (On this small fixture
 * the months protected on their own happen to satisfy it too; {@code LinesAddingUpToAFigureTest}
 * shows the leak they leave where they do not, and the demo release built before the tie had 18.)
 */
class FiguresOfTheYearInAReleaseTest {

    private static final List<String> RAPPORTS = List.of("TAB01-01", "TAB02-01", "TAB02-03", "TAB02-04", "TAB03-02",
            "TAB03-12", "TAB03-13", "TAB04-01", "TAB04-02", "TAB04-09", "TAB04-10", "TAB04-11", "TAB04-12", "TAB04-13",
            "TAB04-14", "TAB04-15", "TAB04-16");
    private static Path releases;
    private static int millesime;

    @BeforeAll
    static void publish() throws IOException {
        DuckDbWarehouse warehouse = (DuckDbWarehouse) GeneratedWarehouse.warehouse();
        millesime = GeneratedWarehouse.millesime();
        releases = Files.createTempDirectory("releases-");
        ReleasePublisher.publish(warehouse, releases, new Publication.Options(millesime, RAPPORTS, List.of()),
                Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** A cell repeating another: rapport, line, column, then the rapport, line and column it repeats. */
    private static final List<String[]> SAME = List.of(
            new String[]{"TAB04-16", "total", "demandes", "TAB03-02", "total", "effectif"},
            new String[]{"TAB04-16", "total", "attributions", "TAB04-01", "total", "effectif"},
            new String[]{"TAB04-16", "T2", "demandes", "TAB03-12", "T2", "effectif"},
            new String[]{"TAB04-16", "T4", "attributions", "TAB04-11", "T4", "effectif"},
            new String[]{"TAB04-16", "NON_RENSEIGNE", "demandes", "TAB03-12", "NON_RENSEIGNE", "effectif"},
            new String[]{"TAB04-15", "DALO_PRIORITAIRES", "eligibles", "TAB04-01", "total", "effectif"},
            new String[]{"TAB04-15", "QPV_Q2_Q4", "eligibles", "TAB04-13", "QPV", "effectif"},
            new String[]{"TAB04-15", "HORS_QPV_Q1_RU", "eligibles", "TAB04-13", "HORS_QPV", "effectif"},
            new String[]{"TAB03-13", "MUTATION", "effectif", "TAB03-02", "total", "mutation"},
            new String[]{"TAB03-13", "HORS_MUTATION", "effectif", "TAB03-02", "total", "hors_mutation"},
            new String[]{"TAB04-12", "MUTATION", "effectif", "TAB04-02", "total", "mutation"},
            new String[]{"TAB04-12", "total", "effectif", "TAB04-01", "total", "effectif"},
            new String[]{"TAB04-09", "total", "effectif", "TAB04-01", "total", "effectif"},
            new String[]{"TAB04-09", "LOCATAIRE_HLM", "effectif", "TAB04-02", "total", "mutation"},
            new String[]{"TAB02-03", "03", "effectif", "TAB02-01", "T1", "ensemble"},
            new String[]{"TAB02-03", "09", "effectif", "TAB02-01", "T3", "ensemble"},
            new String[]{"TAB02-03", "06", "effectif", "TAB02-01", "T2", "ensemble"});

    @Test
    void aCellRepeatingAnotherShowsItsValueOrCarriesItsMask() throws IOException {
        int compared = 0, masked = 0;
        try (ReleaseStore store = ReleaseStore.open(releases)) {
            for (Level level : List.of(Level.NATIONAL, Level.REGION, Level.DEPARTEMENT, Level.EPCI, Level.COMMUNE)) {
                for (Territoire t : store.territoires(level)) {
                    for (String[] same : SAME) {
                        if (!store.rapport(same[0]).orElseThrow().levels().contains(level)) {
                            continue; // series 02 stops at EPCI level
                        }
                        RapportTable table = store.table(same[0], level, t.code(), millesime);
                        RapportTable holder = store.table(same[3], level, t.code(), millesime);
                        Map<String, Object> line = table.lineOf(same[1]), figure = holder.lineOf(same[4]);
                        String at = String.join(" ", same) + " " + t;
                        boolean hidden = holder.mask(figure, same[5]);
                        assertEquals(hidden, table.mask(line, same[2]), at);
                        assertEquals(figure.get(same[5]), line.get(same[2]), at);
                        masked += hidden ? 1 : 0;
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 1000, compared + " cells compared");
        assertTrue(masked > 0, "some of them are masked, so that the masks were compared too");
    }

    @Test
    void theDaloObjectiveCountsTab0414sDaloAndPrioritairesAndIsMaskedWhereEitherIs() throws IOException {
        int compared = 0, masked = 0;
        try (ReleaseStore store = ReleaseStore.open(releases)) {
            for (Level level : List.of(Level.NATIONAL, Level.REGION, Level.DEPARTEMENT, Level.EPCI, Level.COMMUNE)) {
                for (Territoire t : store.territoires(level)) {
                    RapportTable objectifs = store.table("TAB04-15", level, t.code(), millesime);
                    RapportTable dalo = store.table("TAB04-14", level, t.code(), millesime);
                    Map<String, Object> line = objectifs.lineOf("DALO_PRIORITAIRES");
                    Map<String, Object> a = dalo.lineOf("DALO"), b = dalo.lineOf("PRIORITAIRE_HORS_DALO");
                    boolean hidden = dalo.mask(a, "effectif") || dalo.mask(b, "effectif");
                    String at = "TAB04-15 DALO_PRIORITAIRES concernees " + t;
                    assertEquals(hidden, objectifs.mask(line, "concernees"), at);
                    if (!hidden) {
                        assertEquals(((Number) a.get("effectif")).longValue() + ((Number) b.get("effectif")).longValue(),
                                ((Number) line.get("concernees")).longValue(), at);
                    }
                    masked += hidden ? 1 : 0;
                    compared++;
                }
            }
        }
        assertTrue(compared > 100, compared + " cells compared");
        assertTrue(masked > 0, "some are masked, so that the masks were compared too");
    }

    @Test
    void theMonthsOfTheYearNeverGiveTheYearsFigureAwayNorAMonthByDifference() throws IOException {
        int compared = 0, aroundAShownFigure = 0;
        try (ReleaseStore store = ReleaseStore.open(releases)) {
            for (Level level : List.of(Level.NATIONAL, Level.REGION, Level.DEPARTEMENT, Level.EPCI)) {
                for (Territoire t : store.territoires(level)) {
                    RapportTable months = store.table("TAB02-04", level, t.code(), millesime);
                    RapportTable flows = store.table("TAB01-01", level, t.code(), millesime);
                    RapportTable attributions = store.table("TAB04-01", level, t.code(), millesime);
                    for (Object[] figure : List.of(new Object[]{"nouvelles", flows, flows.lineOf("NOUVELLES"), "ensemble"},
                            new Object[]{"attributions", attributions, attributions.total(), "effectif"})) {
                        String column = (String) figure[0];
                        RapportTable holder = (RapportTable) figure[1];
                        @SuppressWarnings("unchecked")
                        Map<String, Object> line = (Map<String, Object>) figure[2];
                        String at = column + " " + level.key() + " " + t.code();
                        long masked = months.lines().stream().filter(m -> months.mask(m, column)).count();
                        assertEquals(12, months.lines().size(), at);
                        if (holder.mask(line, (String) figure[3])) {
                            assertTrue(masked >= 1, at + ": the year is masked, so is a month");
                        } else {
                            assertNotEquals(1L, masked, at + ": one month masked beside the year's figure");
                            if (masked == 0) {
                                assertEquals(((Number) line.get(figure[3])).longValue(), months.lines().stream()
                                        .mapToLong(m -> ((Number) m.get(column)).longValue()).sum(), at);
                            } else {
                                aroundAShownFigure++;
                            }
                        }
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 60, compared + " territories and columns compared");
        assertTrue(aroundAShownFigure > 0, "some months are masked beside a year's figure shown, so that case was tested");
    }
}
