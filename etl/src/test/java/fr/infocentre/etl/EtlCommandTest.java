package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Usage errors exit with status 2 before any Spark session is built. */
class EtlCommandTest {

    @Test
    void missingOrUnknownOptionsAreUsageErrors() {
        assertEquals(2, EtlCommand.run(new String[0]));
        assertEquals(2, EtlCommand.run(new String[] {"--extract", "/tmp/x"}));
        assertEquals(2, EtlCommand.run(new String[] {"--extract", "/tmp/x", "--warehouse"}));
        assertEquals(2, EtlCommand.run(new String[] {"--extract", "/tmp/x", "--warehouse", "/tmp/w", "--verbose", "1"}));
    }
}
