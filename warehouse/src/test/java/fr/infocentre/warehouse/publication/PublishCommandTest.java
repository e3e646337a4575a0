package fr.infocentre.warehouse.publication;

import fr.infocentre.etl.CommandRun;
import fr.infocentre.warehouse.fixtures.ForeignWarehouse;
import fr.infocentre.warehouse.format.ProjectVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
    void helpAndVersionExitZero() {
        CommandRun help = CommandRun.of(PublishCommand.commandLine(), "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("Usage: infocentre publier") && help.out().contains("--par-territoire"), help.out());
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
