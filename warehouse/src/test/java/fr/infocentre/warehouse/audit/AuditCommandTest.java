package fr.infocentre.warehouse.audit;

import fr.infocentre.etl.CommandRun;
import fr.infocentre.warehouse.fixtures.ForeignWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of {@code audit}: usage errors exit 2 naming the option; an unreadable warehouse exits 1. */
class AuditCommandTest {

    @Test
    void aMissingOptionIsNamed(@TempDir Path tmp) {
        CommandRun run = CommandRun.of(AuditCommand.commandLine(), "--warehouse", tmp.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("Missing required option: '--annee N'"), run.err());
        CommandRun unknown = CommandRun.of(AuditCommand.commandLine(), "--warehouse", tmp.toString(), "--annee", "2024",
                "--niveau", "epci");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("Unknown option"), unknown.err());
    }

    @Test
    void helpListsTheOptionsAndTheExitStatus() {
        CommandRun help = CommandRun.of(AuditCommand.commandLine(), "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--rapports") && help.out().contains("a primary cell is pinned"), help.out());
    }

    @Test
    void aWarehouseOfAnotherFormatExitsOne(@TempDir Path tmp) {
        ForeignWarehouse.write(tmp, 2);
        assertEquals(1, CommandRun.of(AuditCommand.commandLine(), "--warehouse", tmp.toString(), "--annee", "2024").status());
    }
}
