package fr.infocentre.warehouse.history;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.LoadPauses;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.etl.generator.Generator;
import fr.infocentre.etl.generator.GeneratorOptions;
import fr.infocentre.etl.generator.WeeklyGenerator;
import fr.infocentre.etl.generator.WeeklyOptions;
import fr.infocentre.etl.history.ExtractSequence;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year of weekly extracts merged one after the other (issue: weekly loads that keep the history
 * the SNE purges). Lozère at France's volume: the initial extract of Sunday 5 January 2025 holds
 * every demande radiated since 1 January 2024, then the 52 Sundays to 4 January 2026, each holding
 * what the SNE holds that day (a demande radiated a year ago purged, households changing between
 * weeks). Compared with one historical extract of the same seed, of 4 January 2026, holding the
 * radiations since 1 January 2024: the flows and stocks are the same figures, although the
 * weekly extracts purged a year of radiated demandes each; the attributes, though, are those known
 * at each date, where the historical extract knows only the latest.
 */
class WeeklyLoadsTest {

    private static final long SEED = 20250105;
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 5), LAST = LocalDate.of(2026, 1, 4);
    private static final LocalDate HISTORY_FROM = LocalDate.of(2024, 1, 1);
    private static final List<String> PERIMETRE = List.of("48");
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
            .setSkipHeaderRecord(true).get();

    private static Path work;
    private static List<LocalDate> sundays;
    /** The Sundays whose extracts were loaded, in order. */
    private static List<LocalDate> loaded;
    private static GeneratedWarehouse.Raw merged;
    private static GeneratedWarehouse.Raw historical;

    @BeforeAll
    static void load() throws IOException {
        work = Files.createTempDirectory("weekly-loads-");
        Path weekly = work.resolve("weekly");
        WeeklyOptions options = new WeeklyOptions(1, SEED, FIRST, LAST, PERIMETRE, HISTORY_FROM);
        sundays = options.sundays();
        loaded = loadedSundays();
        new WeeklyGenerator(options).writeTo(weekly, step -> { });
        Path warehouse = work.resolve("merged");
        for (LocalDate sunday : loaded) {
            // the first load declares its history; the second loses the year the SNE purged since: accepted
            EtlJob.Options o = new EtlJob.Options(new ExtractSequence.Acceptance(false, sunday.equals(FIRST.plusWeeks(1)),
                    ExtractSequence.Acceptance.DEFAULT_MAX_ROW_DROP), 2, LoadPauses.none(),
                    sunday.equals(FIRST) ? Optional.of(HISTORY_FROM) : Optional.empty());
            EtlJob.run(SharedSpark.session(), weekly.resolve(WeeklyGenerator.folderName(sunday)), warehouse, s -> { }, o);
        }
        Path extract = work.resolve("historical");
        new Generator(new GeneratorOptions(1, SEED, LAST, PERIMETRE, HISTORY_FROM)).writeTo(extract);
        EtlJob.run(SharedSpark.session(), extract, work.resolve("single"), s -> { }, new EtlJob.Options(
                ExtractSequence.Acceptance.usual(), 1, LoadPauses.none(), Optional.of(HISTORY_FROM)));
        merged = GeneratedWarehouse.Raw.open(warehouse);
        historical = GeneratedWarehouse.Raw.open(work.resolve("single"));
    }

    private static List<LocalDate> loadedSundays() {
        List<Integer> closely = List.of(1, 19, 20, 29, 30, sundays.size() - 1);
        List<LocalDate> l = new ArrayList<>();
        for (int week = 0; week < sundays.size(); week++) {
            if (week % 4 == 0 || closely.contains(week)) {
                l.add(sundays.get(week));
            }
        }
        return l;
    }

    @AfterAll
    static void close() throws SQLException {
        merged.connection.close();
        historical.connection.close();
    }

    @Test
    void theStockAndFlowsOfTab0101AndTheSeries02FiguresAreThoseOfOneHistoricalExtract() {
        List<Level> levels = List.of(Level.NATIONAL, Level.REGION, Level.DEPARTEMENT, Level.EPCI);
        Map<String, List<String>> compared = Map.of(
                "TAB01-01", List.of("ensemble"), // the mutation split reads the attributes known at 31 December
                "TAB02-01", List.of("ensemble"),
                "TAB02-02", List.of("effectif"),
                "TAB02-03", List.of("effectif"),
                "TAB02-04", List.of("nouvelles", "attributions"),
                "TAB02-05", List.of("demandes", "attributions"));
        int cells = 0;
        for (int millesime : List.of(2024, 2025)) {
            for (Map.Entry<String, List<String>> rapport : compared.entrySet()) {
                Map<String, ComputedTable> expected = byTerritory(historical.levels(rapport.getKey(), levels, millesime));
                Map<String, ComputedTable> actual = byTerritory(merged.levels(rapport.getKey(), levels, millesime));
                assertEquals(expected.keySet(), actual.keySet());
                for (Map.Entry<String, ComputedTable> t : expected.entrySet()) {
                    for (ComputedTable.Line line : t.getValue().lines()) {
                        for (String column : rapport.getValue()) {
                            assertEquals(count(line, column), count(actual.get(t.getKey()), line.key(), column),
                                    rapport.getKey() + " " + millesime + " " + t.getKey() + " " + line.key() + " " + column);
                            cells++;
                        }
                    }
                }
            }
        }
        assertTrue(cells > 1_000, cells + " cells compared");
        long stock = count(line(merged.levels("TAB01-01", List.of(Level.NATIONAL), 2024).get(0), "STOCK_DEBUT"), "ensemble");
        assertTrue(stock > 500, "the stock at 1 January 2024, from the radiations the SNE purged since: " + stock);
    }

    @Test
    void aDemandePurgedInWeek30IsStillCountedInTheMillesimesItBelongsTo() throws SQLException {
        LocalDate week29 = sundays.get(29), week30 = sundays.get(30);
        Map<String, Map<String, String>> before = demandes(week29), after = demandes(week30);
        String purged = before.keySet().stream().filter(n -> !after.containsKey(n))
                .filter(n -> "ATTRIBUTION".equals(before.get(n).get("motif_radiation"))
                        && "0".equals(before.get(n).get("personne_morale")))
                .sorted().findFirst().orElseThrow(() -> new AssertionError("no demande purged on " + week30));
        LocalDate radiated = LocalDate.parse(before.get(purged).get("date_radiation"));
        assertEquals(2024, radiated.getYear(), "purged a year after its radiation");
        for (LocalDate sunday : sundays.subList(30, sundays.size())) {
            assertTrue(!demandes(sunday).containsKey(purged), purged + " is not in the extract of " + sunday);
        }
        // in the history, with the row of the last extract that held it
        try (PreparedStatement st = merged.connection.prepareStatement(
                "SELECT date_extraction, date_radiation FROM demandes WHERE numero_unique = ?")) {
            st.setString(1, purged);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), purged + " kept");
                assertEquals(week29, rs.getDate(1).toLocalDate());
                assertEquals(radiated, rs.getDate(2).toLocalDate());
            }
        }
        // counted among the radiations for attribution of 2024 of its territory: without it, one fewer
        String commune = before.get(purged).get("communes_souhaitees").split("\\|")[0];
        String epci = merged.communes.get(commune).get(2);
        ComputedTable table = byTerritory(merged.levels("TAB01-01", List.of(Level.EPCI), 2024)).get("epci " + epci);
        assertNotNull(table, "EPCI " + epci);
        assertEquals(radiationsForAttribution(2024, epci, purged) + 1,
                count(line(table, "RADIATION_ATTRIBUTION"), "ensemble"));
    }

    @Test
    void anAttributeChangedInWeek20ShowsItsOldValueBeforeAndItsNewOneAfter() throws SQLException {
        LocalDate week19 = sundays.get(19), week20 = sundays.get(20);
        Map<String, Map<String, String>> before = demandes(week19), after = demandes(week20);
        Map<String, Map<String, String>> first = demandes(FIRST);
        String changed = before.keySet().stream().filter(after::containsKey).filter(first::containsKey).sorted()
                .filter(n -> !before.get(n).get("taille_menage").equals(after.get(n).get("taille_menage")))
                .filter(n -> before.get(n).get("taille_menage").equals(first.get(n).get("taille_menage")))
                .findFirst().orElseThrow(() -> new AssertionError("no household size changed in week 20"));
        String old = before.get(changed).get("taille_menage"), now = after.get(changed).get("taille_menage");
        assertEquals(old, attributeOn(changed, "taille_menage", week20.minusDays(1)), "the day before the extract");
        assertEquals(now, attributeOn(changed, "taille_menage", week20), "from the extract that shows it");
        assertEquals(old, attributeOn(changed, "taille_menage", LocalDate.of(2024, 12, 31)), "a rapport of 2024");
        // the rapports' own route: TAB02-01's mutation column, quarter by quarter, against the
        // status each demande had in the last extract before the quarter's end (a second route)
        for (LocalDate quarterEnd : List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 9, 30), LocalDate.of(2025, 12, 31))) {
            String key = "T" + ((quarterEnd.getMonthValue() - 1) / 3 + 1);
            ComputedTable national = merged.levels("TAB02-01", List.of(Level.NATIONAL), 2025).get(0);
            assertEquals(mutationsOn(quarterEnd), count(national, key, "mutation"), "mutations on " + quarterEnd);
        }
    }

    /** Demandes hors associations active on d whose logement_actuel, as the last extract loaded on or before d shows it, is LOCATAIRE_HLM. */
    private static long mutationsOn(LocalDate d) throws SQLException {
        LocalDate known = loaded.stream().filter(s -> !s.isAfter(d)).reduce((a, b) -> b).orElseThrow();
        Map<String, Map<String, String>> shown = demandes(known);
        long n = 0;
        try (PreparedStatement st = merged.connection.prepareStatement(
                "SELECT DISTINCT numero_unique FROM periodes WHERE debut <= ? AND (fin IS NULL OR fin > ?)")) {
            st.setObject(1, d);
            st.setObject(2, d);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = shown.get(rs.getString(1));
                    if (row == null) { // registered after that extract: its first version loaded stands for it
                        row = firstShown(rs.getString(1));
                    }
                    if ("0".equals(row.get("personne_morale")) && "LOCATAIRE_HLM".equals(row.get("logement_actuel"))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static Map<String, String> firstShown(String numero) {
        for (LocalDate sunday : loaded) {
            Map<String, String> row = demandes(sunday).get(numero);
            if (row != null) {
                return row;
            }
        }
        throw new AssertionError(numero + " in no extract loaded");
    }

    private static String attributeOn(String numero, String column, LocalDate d) throws SQLException {
        try (PreparedStatement st = merged.connection.prepareStatement(
                "SELECT " + column + " FROM demandes_on(?::DATE) WHERE numero_unique = ?")) {
            st.setObject(1, d);
            st.setString(2, numero);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), numero + " on " + d);
                return rs.getString(1);
            }
        }
    }

    /** Radiations for attribution in {@code year} of demandes hors associations of the EPCI, but {@code except}. */
    private static long radiationsForAttribution(int year, String epci, String except) throws SQLException {
        try (PreparedStatement st = merged.connection.prepareStatement("""
                SELECT count(*) FROM periodes p
                JOIN demandes d USING (numero_unique)
                JOIN communes c ON c.code_commune = d.commune_premier_choix
                WHERE year(p.fin) = ? AND p.motif_fin = 'ATTRIBUTION' AND NOT d.personne_morale
                  AND c.siren_epci = ? AND d.numero_unique <> ?""")) {
            st.setInt(1, year);
            st.setString(2, epci);
            st.setString(3, except);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final Map<LocalDate, Map<String, Map<String, String>>> READ = new HashMap<>();

    /** The demandes of the weekly extract of that Sunday: numero_unique → column → value. */
    private static synchronized Map<String, Map<String, String>> demandes(LocalDate sunday) {
        return READ.computeIfAbsent(sunday, s -> {
            Path file = work.resolve("weekly").resolve(WeeklyGenerator.folderName(s)).resolve("demandes.csv");
            Map<String, Map<String, String>> rows = new TreeMap<>();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(reader, CSV)) {
                for (CSVRecord r : parser) {
                    rows.put(r.get("numero_unique"), r.toMap());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        });
    }

    private static Map<String, ComputedTable> byTerritory(List<ComputedTable> tables) {
        Map<String, ComputedTable> m = new TreeMap<>();
        tables.forEach(t -> m.put(t.territoire().level().key() + " " + t.territoire().code(), t));
        return m;
    }

    private static ComputedTable.Line line(ComputedTable table, String key) {
        return table.lines().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow(
                () -> new AssertionError("no line " + key + " in " + table.lines().stream().map(ComputedTable.Line::key).toList()));
    }

    private static long count(ComputedTable table, String line, String column) {
        return count(line(table, line), column);
    }

    private static long count(ComputedTable.Line line, String column) {
        ComputedTable.Value v = line.values().get(column);
        return v instanceof ComputedTable.Count c ? c.n() : -1;
    }
}
