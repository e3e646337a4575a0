package fr.infocentre.api;

import fr.infocentre.etl.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of {@code serve}: errors name the option; a missing releases folder does not start a server. */
class ServeCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(ServeCommand.commandLine(), args);
    }

    @Test
    void aMissingOrMalformedOptionIsNamed() {
        CommandRun missing = run("--port", "7070");
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("Missing required option: '--releases DIR'"), missing.err());
        CommandRun port = run("--releases", "r", "--port", "huit");
        assertEquals(2, port.status());
        assertTrue(port.err().startsWith("Invalid value for option '--port': 'huit' is not an int"), port.err());
    }

    @Test
    void helpExitsZeroAndNamesTheOptions() {
        CommandRun help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--releases DIR") && help.out().contains("--port PORT"), help.out());
    }

    @Test
    void aMissingReleasesFolderExitsOne(@TempDir Path dir) {
        assertEquals(1, run("--releases", dir.resolve("absent").toString(), "--port", "0").status());
    }
}
