package fr.infocentre.etl;

import fr.infocentre.warehouse.format.ProjectVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors exit with status 2 before any Spark session is built; --help and --version exit 0. */
class EtlCommandTest {

    /** Exit status, stdout and stderr of one run of the command line. */
    record Run(int status, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = EtlCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int status = cl.execute(args);
            return new Run(status, out.toString(), err.toString());
        }
    }

    @Test
    void missingOrUnknownOptionsAreUsageErrors() {
        assertEquals(2, EtlCommand.run(new String[0]));
        assertEquals(2, EtlCommand.run(new String[] {"--extract", "/tmp/x"}));
        assertEquals(2, EtlCommand.run(new String[] {"--extract", "/tmp/x", "--warehouse"}));
        assertEquals(2, EtlCommand.run(new String[] {"--extract", "/tmp/x", "--warehouse", "/tmp/w", "--verbose", "1"}));
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        Run run = Run.of("--extract", "/tmp/x");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("Missing required option: '--warehouse DIR'"), run.err());
        assertTrue(run.err().contains("Usage: infocentre etl"), "the usage follows: " + run.err());

        Run none = Run.of();
        assertEquals(2, none.status());
        assertTrue(none.err().contains("'--extract DIR'") && none.err().contains("'--warehouse DIR'"), none.err());
    }

    @Test
    void anUnknownOptionOrAMissingValueIsNamed() {
        Run unknown = Run.of("--extract", "/tmp/x", "--warehouse", "/tmp/w", "--verbose");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("Unknown option: '--verbose'"), unknown.err());

        Run noValue = Run.of("--extract", "/tmp/x", "--warehouse");
        assertEquals(2, noValue.status());
        assertTrue(noValue.err().startsWith("Missing required parameter for option '--warehouse' (DIR)"), noValue.err());
    }

    @Test
    void helpExitsZeroAndPrintsTheOptions() {
        Run run = Run.of("--help");
        assertEquals(0, run.status());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("Usage: infocentre etl [-hV] --extract DIR --warehouse DIR [--master MASTER]"), run.out());
        for (String option : new String[] {"--extract DIR", "--warehouse DIR", "--master", "-h, --help", "-V, --version"}) {
            assertTrue(run.out().contains(option), option + " in\n" + run.out());
        }
        assertTrue(run.out().replaceAll("\\s+", " ").contains("(default: local[*])"), run.out());
    }

    @Test
    void versionExitsZeroAndPrintsTheProjectVersion() {
        Run run = Run.of("--version");
        assertEquals(0, run.status());
        String version = ProjectVersion.get();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
        assertEquals("infocentre " + version + System.lineSeparator()
                + "etl: writes warehouse format infocentre-warehouse version 1" + System.lineSeparator(), run.out());
    }
}
