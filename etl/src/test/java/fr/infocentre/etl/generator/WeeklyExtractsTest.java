package fr.infocentre.etl.generator;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year of weekly extracts (Lozère, scale 1, Sundays of 2025) against the rules of the weekly
 * mode, every figure worked out from the files: one valid extract per Sunday, each the historical
 * extract of its day; the purge on the first Sunday at least 365 days after a radiation; attribute
 * changes shown from the day of their MODIFICATION or RENOUVELLEMENT on, nothing else changing.
 */
class WeeklyExtractsTest {

    private static final long SEED = 21;
    private static final List<String> PERIMETRE = List.of("48");
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1); // a Wednesday
    private static final LocalDate TO = LocalDate.of(2025, 12, 31); // a Wednesday
    private static final List<String> FILES = List.of("manifest.json", "guichets.csv", "demandes.csv",
            "evenements.csv", "attributions.csv");
    /** Columns that never change over a demande's life. */
    private static final List<String> FIXED = List.of("numero_unique", "id_demandeur", "code_guichet", "canal",
            "personne_morale", "date_depot", "date_enregistrement", "annee_naissance", "sexe", "nationalite",
            "situation_familiale", "co_demandeur", "motif", "handicap", "dalo", "prioritaire", "doublon_force");
    /** Columns of the situation, changed only by MODIFICATION and RENOUVELLEMENT events. */
    private static final List<String> SITUATION = List.of("taille_menage", "nb_enfants", "situation_professionnelle",
            "revenu_mensuel", "revenu_fiscal_reference", "logement_actuel", "typologie", "communes_souhaitees",
            "commune_residence");

    @TempDir
    static Path tmp;
    static Path series;
    static List<LocalDate> sundays;
    static Map<LocalDate, Extract> extracts = new LinkedHashMap<>();

    /** One extract read back: demandes by numéro, their events and attributions. */
    record Extract(Map<String, CSVRecord> demandes, Map<String, List<CSVRecord>> events,
                   Map<String, CSVRecord> attributions) {

        static Extract read(Path dir) throws IOException {
            Map<String, CSVRecord> demandes = new LinkedHashMap<>();
            TestExtracts.rows(dir.resolve("demandes.csv")).forEach(r -> demandes.put(r.get("numero_unique"), r));
            Map<String, List<CSVRecord>> events = new HashMap<>();
            TestExtracts.rows(dir.resolve("evenements.csv"))
                    .forEach(r -> events.computeIfAbsent(r.get("numero_unique"), k -> new ArrayList<>()).add(r));
            Map<String, CSVRecord> attributions = new HashMap<>();
            TestExtracts.rows(dir.resolve("attributions.csv")).forEach(r -> attributions.put(r.get("numero_unique"), r));
            return new Extract(demandes, events, attributions);
        }
    }

    @BeforeAll
    static void generate() throws IOException {
        series = tmp.resolve("weekly");
        new WeeklyGenerator(new WeeklyOptions(1, SEED, FROM, TO, PERIMETRE, null)).writeTo(series, line -> { });
        sundays = Stream.iterate(LocalDate.of(2025, 1, 5), d -> d.plusDays(7)).limit(52).toList();
        for (LocalDate sunday : sundays) {
            extracts.put(sunday, Extract.read(series.resolve("extract-" + sunday)));
        }
    }

    private static Path historical(LocalDate until, LocalDate historyFrom) throws IOException {
        Path dir = tmp.resolve("historical-" + until + "-from-" + historyFrom);
        if (!Files.exists(dir)) {
            new Generator(new GeneratorOptions(1, SEED, until, PERIMETRE, historyFrom)).writeTo(dir);
        }
        return dir;
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        for (String file : FILES) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)),
                    actual + "/" + file);
        }
    }

    private static String values(CSVRecord r, List<String> columns) {
        return columns.stream().map(r::get).collect(Collectors.joining(";"));
    }

    @Test
    void oneFolderPerSundayOfTheYear() throws IOException {
        assertEquals(DayOfWeek.SUNDAY, sundays.get(0).getDayOfWeek());
        assertEquals(LocalDate.of(2025, 12, 28), sundays.get(51));
        Set<String> folders;
        try (Stream<Path> list = Files.list(series)) {
            folders = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(sundays.stream().map(d -> "extract-" + d).collect(Collectors.toCollection(TreeSet::new)), folders);
    }

    @Test
    void everyExtractIsValidAndMatchesItsManifest() throws IOException {
        for (LocalDate sunday : sundays) {
            new ExtractChecks(series.resolve("extract-" + sunday), sunday, sunday.minusDays(364)).all(PERIMETRE);
        }
    }

    @Test
    void sameOptionsGiveTheSameBytes() throws IOException {
        Path again = tmp.resolve("again");
        new WeeklyGenerator(new WeeklyOptions(1, SEED, FROM, TO, PERIMETRE, null)).writeTo(again, line -> { });
        for (LocalDate sunday : sundays) {
            assertSameFiles(series.resolve("extract-" + sunday), again.resolve("extract-" + sunday));
        }
    }

    @Test
    void aSundayIsTheSameWhateverTheSeriesAsked() throws IOException {
        Path summer = tmp.resolve("summer");
        List<ExtractSummary> written = new WeeklyGenerator(new WeeklyOptions(1, SEED, LocalDate.of(2025, 6, 10),
                LocalDate.of(2025, 7, 6), PERIMETRE, null)).writeTo(summer, line -> { });
        assertEquals(List.of(LocalDate.of(2025, 6, 15), LocalDate.of(2025, 6, 22), LocalDate.of(2025, 6, 29),
                LocalDate.of(2025, 7, 6)), written.stream().map(ExtractSummary::dateExtraction).toList());
        for (ExtractSummary s : written) {
            assertSameFiles(series.resolve("extract-" + s.dateExtraction()), summer.resolve("extract-" + s.dateExtraction()));
        }
    }

    @Test
    void aLongSeriesIsWrittenInSeveralPassesOfTheSameWorld() throws IOException {
        Path longer = tmp.resolve("longer");
        List<ExtractSummary> written = new WeeklyGenerator(new WeeklyOptions(1, SEED, LocalDate.of(2024, 9, 29), TO,
                PERIMETRE, null)).writeTo(longer, line -> { });
        assertEquals(66, written.size());
        assertTrue(written.size() > WeeklyGenerator.EXTRACTS_PER_PASS, "two passes");
        for (LocalDate sunday : sundays) {
            assertSameFiles(series.resolve("extract-" + sunday), longer.resolve("extract-" + sunday));
        }
    }

    @Test
    void theExtractOfASundayIsTheHistoricalExtractOfThatDayPurgedAYearBack() throws IOException {
        for (LocalDate sunday : List.of(sundays.get(0), LocalDate.of(2025, 6, 15), sundays.get(51))) {
            LocalDate historyFrom = sunday.minusDays(364); // radiated on or after it: less than 365 days before
            assertSameFiles(historical(sunday, historyFrom), series.resolve("extract-" + sunday));
        }
    }

    @Test
    void withHistoryFromTheFirstExtractIsAHistoricalInitialExtract() throws IOException {
        Path initial = tmp.resolve("initial");
        LocalDate d0 = LocalDate.of(2019, 1, 1);
        new WeeklyGenerator(new WeeklyOptions(1, SEED, LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 12), PERIMETRE,
                d0)).writeTo(initial, line -> { });
        assertSameFiles(historical(LocalDate.of(2025, 1, 5), d0), initial.resolve("extract-2025-01-05"));
        assertSameFiles(series.resolve("extract-2025-01-12"), initial.resolve("extract-2025-01-12"));
        int historical = Extract.read(initial.resolve("extract-2025-01-05")).demandes().size();
        assertTrue(historical > 2 * extracts.get(sundays.get(0)).demandes().size(),
                "six years of radiations rather than one: " + historical);
    }

    @Test
    void aRadiatedDemandeIsPurgedOnTheFirstSundayAtLeast365DaysLater() {
        int purged = 0;
        for (int w = 1; w < sundays.size(); w++) {
            LocalDate before = sundays.get(w - 1);
            LocalDate after = sundays.get(w);
            Extract first = extracts.get(before);
            Extract second = extracts.get(after);
            Set<String> gone = new TreeSet<>(first.demandes().keySet());
            gone.removeAll(second.demandes().keySet());
            Set<String> due = new TreeSet<>();
            for (CSVRecord d : first.demandes().values()) {
                String radiation = d.get("date_radiation");
                if (!radiation.isEmpty() && !LocalDate.parse(radiation).plusDays(365).isAfter(after)) {
                    assertTrue(LocalDate.parse(radiation).plusDays(365).isAfter(before), "not purged earlier");
                    due.add(d.get("numero_unique"));
                }
            }
            assertEquals(due, gone, "purged from " + after);
            for (String numero : gone) {
                assertFalse(second.events().containsKey(numero), "its events are purged too");
                assertFalse(second.attributions().containsKey(numero), "its attribution is purged too");
            }
            purged += gone.size();
        }
        assertTrue(purged > 500, "a year of radiations purged: " + purged);
    }

    @Test
    void betweenTwoSundaysOnlyWhatTheWeekBroughtChanges() {
        int unchanged = 0;
        int situationChanges = 0;
        Map<String, Integer> changedBy = new HashMap<>();
        for (int w = 1; w < sundays.size(); w++) {
            LocalDate before = sundays.get(w - 1);
            LocalDate after = sundays.get(w);
            Extract first = extracts.get(before);
            Extract second = extracts.get(after);
            for (CSVRecord old : first.demandes().values()) {
                String numero = old.get("numero_unique");
                CSVRecord now = second.demandes().get(numero);
                if (now == null) {
                    continue; // purged, above
                }
                assertEquals(values(old, FIXED), values(now, FIXED), numero);
                List<CSVRecord> oldEvents = first.events().get(numero);
                List<CSVRecord> newEvents = second.events().get(numero);
                assertEquals(oldEvents.stream().map(CSVRecord::toList).toList(),
                        newEvents.subList(0, oldEvents.size()).stream().map(CSVRecord::toList).toList(),
                        "the events shown stay as they were: " + numero);
                List<CSVRecord> week = newEvents.subList(oldEvents.size(), newEvents.size());
                CSVRecord entered = second.attributions().get(numero);
                boolean enteredThisWeek = entered != null && !first.attributions().containsKey(numero);
                if (week.isEmpty()) {
                    assertFalse(enteredThisWeek, numero);
                    assertEquals(old.toList(), now.toList(), "nothing happened to " + numero);
                    unchanged++;
                    continue;
                }
                for (CSVRecord e : week) {
                    LocalDate date = LocalDate.parse(e.get("date_evenement"));
                    boolean lateEntry = enteredThisWeek && "RADIATION".equals(e.get("type"))
                            && e.get("date_evenement").equals(entered.get("date_bail"));
                    assertTrue(lateEntry || date.isAfter(before) && !date.isAfter(after),
                            "a new event is of the week, or an attribution entered that week: " + numero);
                }
                if (enteredThisWeek) {
                    LocalDate saisie = LocalDate.parse(entered.get("date_saisie"));
                    assertTrue(saisie.isAfter(before) && !saisie.isAfter(after), numero);
                }
                assertEquals(week.get(week.size() - 1).get("date_evenement"), now.get("date_modification"));
                if (!values(old, SITUATION).equals(values(now, SITUATION))) {
                    Set<String> types = week.stream().map(e -> e.get("type")).collect(Collectors.toSet());
                    assertTrue(types.contains("MODIFICATION") || types.contains("RENOUVELLEMENT"),
                            "a situation changes at a MODIFICATION or RENOUVELLEMENT: " + numero + " " + types);
                    for (String column : SITUATION) {
                        if (!old.get(column).equals(now.get(column))) {
                            changedBy.merge(column, 1, Integer::sum);
                        }
                    }
                    situationChanges++;
                }
            }
        }
        assertTrue(unchanged > 50_000, "most demandes do not change in a week: " + unchanged);
        assertTrue(situationChanges > 300, "situations change every week: " + situationChanges);
        for (String column : SITUATION) {
            assertTrue(changedBy.getOrDefault(column, 0) > 0, column + " changes sometimes: " + changedBy);
        }
    }

    @Test
    void aSituationChangeShowsFromTheDayOfItsEventOn() throws IOException {
        LocalDate before = LocalDate.of(2025, 9, 7);
        LocalDate after = before.plusDays(7);
        Extract first = extracts.get(before);
        Extract second = extracts.get(after);
        Map<LocalDate, Extract> days = new HashMap<>();
        for (LocalDate day = before.plusDays(1); day.isBefore(after); day = day.plusDays(1)) {
            days.put(day, Extract.read(historical(day, day.minusDays(364))));
        }
        int checked = 0;
        for (CSVRecord now : second.demandes().values()) {
            String numero = now.get("numero_unique");
            CSVRecord old = first.demandes().get(numero);
            if (old == null || values(old, SITUATION).equals(values(now, SITUATION))) {
                continue;
            }
            List<CSVRecord> changes = second.events().get(numero).stream()
                    .filter(e -> Set.of("MODIFICATION", "RENOUVELLEMENT").contains(e.get("type")))
                    .filter(e -> LocalDate.parse(e.get("date_evenement")).isAfter(before))
                    .toList();
            if (changes.size() != 1) {
                continue;
            }
            LocalDate changed = LocalDate.parse(changes.get(0).get("date_evenement"));
            for (Map.Entry<LocalDate, Extract> day : days.entrySet()) {
                CSVRecord shown = day.getValue().demandes().get(numero);
                assertNotNull(shown, numero + " on " + day.getKey());
                CSVRecord expected = day.getKey().isBefore(changed) ? old : now;
                assertEquals(values(expected, SITUATION), values(shown, SITUATION), numero + " on " + day.getKey());
            }
            checked++;
        }
        assertTrue(checked >= 5, "demandes whose situation changed once in the week: " + checked);
    }
}
