package fr.infocentre.warehouse.release;

import fr.infocentre.etl.CommandRun;
import fr.infocentre.warehouse.fixtures.ForeignWarehouse;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.format.ProjectVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of {@code publier}: usage errors (exit 2) name the option, before anything is read. */
class PublishCommandTest {

    @Test
    void aMissingOrMalformedOptionIsNamed(@TempDir Path tmp) {
        CommandRun missing = CommandRun.of(PublishCommand.commandLine(), "--warehouse", tmp.toString(), "--annee", "2024");
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("Missing required option: '--releases DIR'"), missing.err());

        CommandRun year = CommandRun.of(PublishCommand.commandLine(), "--warehouse", tmp.toString(), "--annee", "deux",
                "--releases", tmp.resolve("out").toString());
        assertEquals(2, year.status());
        assertTrue(year.err().startsWith("Invalid value for option '--annee': 'deux' is not an int"), year.err());

        CommandRun level = CommandRun.of(PublishCommand.commandLine(), "--warehouse", tmp.toString(), "--annee", "2024",
                "--releases", tmp.resolve("out").toString(), "--niveaux", "national,canton");
        assertEquals(2, level.status());
        assertTrue(level.err().contains("--niveaux") && level.err().contains("unknown level 'canton'"), level.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void everyMillesimeIsReleasedOnceAndARepeatedReleaseIsRefused() throws Exception {
        Path releases = Files.createTempDirectory("releases-");
        String warehouse = GeneratedWarehouse.folder().toString();
        CommandRun all = CommandRun.of(PublishCommand.commandLine(), "--warehouse", warehouse, "--releases",
                releases.toString(), "--tous-les-millesimes", "--rapports", "TAB04-01");
        assertEquals(0, all.status(), all.err());
        List<Integer> covered = GeneratedWarehouse.warehouse().millesimes();
        for (int millesime : covered) {
            assertEquals(OptionalInt.of(1), ReleaseLayout.current(releases, millesime), "millésime " + millesime);
        }
        long before = Files.getLastModifiedTime(releases.resolve(covered.get(0) + "/CURRENT")).toMillis();

        CommandRun again = CommandRun.of(PublishCommand.commandLine(), "--warehouse", warehouse, "--releases",
                releases.toString(), "--tous-les-millesimes", "--rapports", "TAB04-01");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("millésime " + covered.get(0) + " already released: kept as it is"), again.err());
        assertEquals(before, Files.getLastModifiedTime(releases.resolve(covered.get(0) + "/CURRENT")).toMillis());

        CommandRun one = CommandRun.of(PublishCommand.commandLine(), "--warehouse", warehouse, "--releases",
                releases.toString(), "--annee", String.valueOf(covered.get(0)), "--rapports", "TAB04-01");
        assertEquals(3, one.status(), one.err());
        assertTrue(one.err().contains("refused: Le millésime " + covered.get(0) + " est déjà publié"), one.err());
    }

    @Test
    void helpAndVersionExitZero() {
        CommandRun help = CommandRun.of(PublishCommand.commandLine(), "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("Usage: infocentre publier") && help.out().contains("--niveaux"), help.out());
        CommandRun version = CommandRun.of(PublishCommand.commandLine(), "--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("infocentre " + ProjectVersion.get()), version.out());
    }

    @Test
    void aWarehouseOfAnotherFormatIsRefusedAndNothingIsPublished(@TempDir Path tmp) {
        ForeignWarehouse.write(tmp.resolve("w"), 2);
        CommandRun run = CommandRun.of(PublishCommand.commandLine(), "--warehouse", tmp.resolve("w").toString(),
                "--annee", "2024", "--releases", tmp.resolve("out").toString());
        assertEquals(1, run.status());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }
}
