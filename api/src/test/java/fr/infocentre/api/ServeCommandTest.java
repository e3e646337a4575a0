package fr.infocentre.api;

import fr.infocentre.etl.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void aMissingAccountStoreExitsOne(@TempDir Path dir) {
        CommandRun run = run("--releases", dir.toString(), "--port", "0", "--accounts", dir.resolve("absent.db").toString());
        assertEquals(1, run.status());
    }

    @Test
    void theCookieModeIsChecked() {
        CommandRun wrong = run("--releases", "r", "--secure-cookie", "parfois");
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().startsWith("Invalid value for option '--secure-cookie'"), wrong.err());
        assertTrue(run("--help").out().contains("--accounts FILE"));
    }

    @Test
    void cookiesAreSecureUnlessListeningOnLocalhostOnlyOrToldOtherwise() {
        assertTrue(secure("--releases", "r"), "every interface: Secure");
        assertTrue(secure("--releases", "r", "--host", "0.0.0.0"));
        assertTrue(secure("--releases", "r", "--host", "192.0.2.10"));
        assertTrue(secure("--releases", "r", "--host", "intranet.example"), "a name is not looked up");
        assertFalse(secure("--releases", "r", "--host", "127.0.0.1"));
        assertFalse(secure("--releases", "r", "--host", "localhost"));
        assertFalse(secure("--releases", "r", "--host", "::1"));
        assertFalse(secure("--releases", "r", "--host", "[::1]"));
        assertTrue(secure("--releases", "r", "--host", "127.0.0.1", "--secure-cookie", "on"), "behind an HTTPS proxy on this machine");
        assertFalse(secure("--releases", "r", "--secure-cookie", "off"));
    }

    private static boolean secure(String... args) {
        picocli.CommandLine line = ServeCommand.commandLine();
        line.parseArgs(args);
        return line.<ServeCommand>getCommand().secureCookies();
    }
}
