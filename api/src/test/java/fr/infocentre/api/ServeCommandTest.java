package fr.infocentre.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of {@code serve}: errors name the option; an unreadable warehouse does not start a server. */
class ServeCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = ServeCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aMissingOrMalformedOptionIsNamed() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "--port", "7070"));
        assertTrue(err.toString().startsWith("Missing required option: '--warehouse DIR'"), err.toString());
        StringWriter port = new StringWriter();
        assertEquals(2, run(new StringWriter(), port, "--warehouse", "w", "--port", "huit"));
        assertTrue(port.toString().startsWith("Invalid value for option '--port': 'huit' is not an int"), port.toString());
    }

    @Test
    void helpExitsZeroAndNamesTheOptions() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "--help"));
        assertTrue(out.toString().contains("--warehouse DIR") && out.toString().contains("--port PORT"), out.toString());
    }

    @Test
    void aFolderWithoutWarehouseExitsOne(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir);
        assertEquals(1, run(new StringWriter(), new StringWriter(), "--warehouse", dir.toString(), "--port", "0"));
    }
}
