package fr.infocentre.etl.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.infocentre.etl.CommandRun;
import fr.infocentre.warehouse.format.ProjectVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's command line: usage errors (exit 2) name the option, before anything is generated. */
class GenerateCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(GenerateCommand.commandLine(), args);
    }

    @Test
    void aMissingRequiredOptionIsNamed(@TempDir Path tmp) {
        CommandRun run = run("--scale", "0.01", "--seed", "1", "--until", "2025-12-28");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("Missing required option: '--out DIR'"), run.err());
        assertTrue(run.err().contains("Usage: infocentre generate"), run.err());

        CommandRun noSeed = run("--scale", "0.01", "--until", "2025-12-28", "--out", tmp.resolve("x").toString());
        assertEquals(2, noSeed.status());
        assertTrue(noSeed.err().startsWith("Missing required option: '--seed N'"), noSeed.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
    }

    @Test
    void aMalformedOrUnknownOptionIsNamed(@TempDir Path tmp) {
        String out = tmp.resolve("x").toString();
        CommandRun date = run("--scale", "0.01", "--seed", "1", "--until", "28/12/2025", "--out", out);
        assertEquals(2, date.status());
        assertTrue(date.err().startsWith("Invalid value for option '--until': '28/12/2025' is not a date YYYY-MM-DD"),
                date.err());

        CommandRun scale = run("--scale", "beaucoup", "--seed", "1", "--until", "2025-12-28", "--out", out);
        assertEquals(2, scale.status());
        assertTrue(scale.err().startsWith("Invalid value for option '--scale': 'beaucoup' is not a double"), scale.err());

        CommandRun unknown = run("--scale", "0.01", "--seed", "1", "--until", "2025-12-28", "--out", out, "--region", "93");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("Unknown options: '--region', '93'")
                || unknown.err().startsWith("Unknown option: '--region'"), unknown.err());

        CommandRun twice = run("--scale", "0.01", "--scale", "0.02", "--seed", "1", "--until", "2025-12-28", "--out", out);
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("--scale"), twice.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
    }

    @Test
    void optionsTheGeneratorRefusesAreUsageErrors(@TempDir Path tmp) {
        String out = tmp.resolve("x").toString();
        CommandRun scale = run("--scale", "0", "--seed", "1", "--until", "2025-12-28", "--out", out);
        assertEquals(2, scale.status());
        assertTrue(scale.err().startsWith("Invalid options: scale must be in ]0, 20]: 0.0"), scale.err());
        assertTrue(scale.err().contains("Usage: infocentre generate"), scale.err());

        CommandRun history = run("--scale", "0.01", "--seed", "1", "--until", "2025-12-28", "--history-from", "2026-01-01",
                "--out", out);
        assertEquals(2, history.status());
        assertTrue(history.err().startsWith("Invalid options: history-from 2026-01-01 is after until 2025-12-28"),
                history.err());

        CommandRun departement = run("--scale", "0.01", "--seed", "1", "--until", "2025-12-28", "--departements", "48, 99",
                "--out", out);
        assertEquals(2, departement.status());
        assertTrue(departement.err().startsWith("Invalid options: unknown département: 99"), departement.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
    }

    @Test
    void theWeeklyModeNeedsItsDatesAndRefusesUntil(@TempDir Path tmp) {
        String out = tmp.resolve("x").toString();
        CommandRun noDates = run("--weekly", "--scale", "0.01", "--seed", "1", "--out", out);
        assertEquals(2, noDates.status());
        assertTrue(noDates.err().startsWith("--weekly needs --from and --to (missing: --from, --to)"), noDates.err());
        assertTrue(noDates.err().contains("Usage: infocentre generate"), noDates.err());

        CommandRun noTo = run("--weekly", "--from", "2025-01-01", "--scale", "0.01", "--seed", "1", "--out", out);
        assertEquals(2, noTo.status());
        assertTrue(noTo.err().startsWith("--weekly needs --from and --to (missing: --to)"), noTo.err());

        CommandRun until = run("--weekly", "--from", "2025-01-01", "--to", "2025-02-01", "--until", "2025-02-01",
                "--scale", "0.01", "--seed", "1", "--out", out);
        assertEquals(2, until.status());
        assertTrue(until.err().startsWith("--until cannot be used with --weekly"), until.err());

        CommandRun notWeekly = run("--from", "2025-01-01", "--to", "2025-02-01", "--scale", "0.01", "--seed", "1",
                "--out", out);
        assertEquals(2, notWeekly.status());
        assertTrue(notWeekly.err().startsWith("--from and --to go with --weekly only"), notWeekly.err());

        CommandRun noUntil = run("--scale", "0.01", "--seed", "1", "--out", out);
        assertEquals(2, noUntil.status());
        assertTrue(noUntil.err().startsWith("Missing required option: '--until YYYY-MM-DD'"), noUntil.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
    }

    @Test
    void weeklyDatesTheGeneratorRefusesAreUsageErrors(@TempDir Path tmp) {
        String out = tmp.resolve("x").toString();
        CommandRun order = run("--weekly", "--from", "2025-03-01", "--to", "2025-01-01", "--scale", "0.01",
                "--seed", "1", "--out", out);
        assertEquals(2, order.status());
        assertTrue(order.err().startsWith("Invalid options: from 2025-03-01 is after to 2025-01-01"), order.err());

        CommandRun noSunday = run("--weekly", "--from", "2025-01-06", "--to", "2025-01-11", "--scale", "0.01",
                "--seed", "1", "--out", out);
        assertEquals(2, noSunday.status());
        assertTrue(noSunday.err().startsWith("Invalid options: no Sunday from 2025-01-06 to 2025-01-11"),
                noSunday.err());

        CommandRun history = run("--weekly", "--from", "2025-01-05", "--to", "2025-02-01", "--history-from",
                "2024-01-08", "--scale", "0.01", "--seed", "1", "--out", out);
        assertEquals(2, history.status());
        assertTrue(history.err().startsWith("Invalid options: history-from 2024-01-08 is after 2024-01-07: the first"
                + " extract, of 2025-01-05, would hold less than the SNE holds"), history.err());

        CommandRun early = run("--weekly", "--from", "2009-06-01", "--to", "2009-07-01", "--scale", "0.01",
                "--seed", "1", "--out", out);
        assertEquals(2, early.status());
        assertTrue(early.err().startsWith("Invalid options: the first Sunday 2009-06-07 must be after 2010-01-01"),
                early.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
    }

    @Test
    void weeklyDatesAreRoundedInwardToSundays(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("weekly");
        CommandRun run = run("--weekly", "--from", "2025-01-01", "--to", "2025-01-18", "--history-from", "2024-01-07",
                "--scale", "0.2", "--seed", "1", "--departements", "48", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        try (Stream<Path> folders = Files.list(out)) {
            assertEquals(List.of("extract-2025-01-05", "extract-2025-01-12"),
                    folders.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void helpExitsZeroAndPrintsTheOptionsAndDefaults() {
        CommandRun run = run("--help");
        assertEquals(0, run.status());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("Usage: infocentre generate [-hV] --scale S --seed N --until YYYY-MM-DD"),
                run.out());
        assertTrue(run.out().contains("or: infocentre generate [-hV] --weekly --from YYYY-MM-DD --to YYYY-MM-DD"),
                run.out());
        for (String option : new String[] {"--scale S", "--seed N", "--until YYYY-MM-DD", "--weekly",
                "--from YYYY-MM-DD", "--to YYYY-MM-DD", "--departements 06,13", "--history-from YYYY-MM-DD",
                "--out DIR", "-h, --help", "-V, --version"}) {
            assertTrue(run.out().contains(option), option + " in\n" + run.out());
        }
        assertTrue(run.out().replaceAll("\\s+", " ").contains("(default: 2019-01-01)"), run.out());
    }

    @Test
    void versionExitsZeroAndPrintsTheProjectVersion() {
        CommandRun run = run("--version");
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("infocentre " + ProjectVersion.get() + System.lineSeparator()), run.out());
    }
}
