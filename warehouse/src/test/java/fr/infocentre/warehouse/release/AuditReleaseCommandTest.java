package fr.infocentre.warehouse.release;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code audit --releases}: attacks the release's files by total figure; refuses a millésime not released. */
class AuditReleaseCommandTest {

    @Test
    void attacksTheReleasedRapportsOfEachTotalFigure() {
        ReleasedBeforeALaterLoad r = ReleasedBeforeALaterLoad.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream before = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = AuditReleaseCommand.commandLine().execute("--releases", r.releases.toString(), "--annee",
                    String.valueOf(r.millesime), "--warehouse", r.warehouse.toString());
        } finally {
            System.setOut(before);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        // TAB03-02 and TAB03-04 share their total figure, TAB02-02 and TAB02-05 repeat it; protected
        // together (the two repeating it taking its status), jointly they leak nothing.
        assertTrue(printed.contains("total figure demandes-actives-31-decembre: 4 rapports"), printed);
        assertTrue(printed.contains(" 0 masked counts from 1 to 10 pinned"), printed);
        assertTrue(printed.contains("PASS"), printed);
        // TAB02-02's and TAB02-05's year N repeat that total: checked cell by cell, all alike.
        assertTrue(printed.matches("(?s).*figures published more than once: [1-9][0-9,]* cells compared, 0 differ.*"), printed);
        assertTrue(printed.matches("(?s).*  commune: [0-9,]+ masked count cells, [0-9,]+ \\([0-9.]+ %\\) bounded above by 10.*"),
                printed);
        assertEquals(0, code, printed);
    }

    @Test
    void aMillesimeNotReleasedIsAUsageError() {
        ReleasedBeforeALaterLoad r = ReleasedBeforeALaterLoad.get();
        CommandLine cli = AuditReleaseCommand.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        PrintStream before = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(2, cli.execute("--releases", r.releases.toString(), "--annee", "1990", "--warehouse",
                    r.warehouse.toString()));
        } finally {
            System.setErr(before);
        }
    }
}
