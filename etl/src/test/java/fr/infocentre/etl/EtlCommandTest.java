package fr.infocentre.etl;

import fr.infocentre.warehouse.format.ProjectVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Usage errors exit with status 2 before any Spark session is built; --help and --version exit 0. */
class EtlCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(EtlCommand.commandLine(), args);
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
        CommandRun run = run("--extract", "/tmp/x");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("Missing required option: '--warehouse DIR'"), run.err());
        assertTrue(run.err().contains("Usage: infocentre etl"), "the usage follows: " + run.err());

        CommandRun none = run();
        assertEquals(2, none.status());
        assertTrue(none.err().contains("'--extract DIR'") && none.err().contains("'--warehouse DIR'"), none.err());
    }

    @Test
    void anUnknownOptionOrAMissingValueIsNamed() {
        CommandRun unknown = run("--extract", "/tmp/x", "--warehouse", "/tmp/w", "--verbose");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("Unknown option: '--verbose'"), unknown.err());

        CommandRun noValue = run("--extract", "/tmp/x", "--warehouse");
        assertEquals(2, noValue.status());
        assertTrue(noValue.err().startsWith("Missing required parameter for option '--warehouse' (DIR)"), noValue.err());
    }

    @Test
    void helpExitsZeroAndPrintsTheOptions() {
        CommandRun run = run("--help");
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
        CommandRun run = run("--version");
        assertEquals(0, run.status());
        String version = ProjectVersion.get();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
        assertEquals("infocentre " + version + System.lineSeparator()
                + "etl: writes warehouse format infocentre-warehouse version 1" + System.lineSeparator(), run.out());
    }
}
