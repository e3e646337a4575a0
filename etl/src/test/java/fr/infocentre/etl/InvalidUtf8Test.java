package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes that are not UTF-8, anywhere in a file (here past its first 200 KB, in a field that is
 * neither the first nor the last, or cut short by a separator), quarantine their record naming the
 * field and the byte offset; Spark, which reads them as U+FFFD, would have loaded them silently.
 * The valid records around them load, multibyte characters included.
 */
class InvalidUtf8Test {

    private static final int FILLER = 5_000;

    @TempDir
    Path tmp;

    @Test
    void recordsHoldingInvalidUtf8AreQuarantinedNamingFieldAndOffset() throws IOException {
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        List<String> filler = new ArrayList<>();
        for (int i = 0; i < FILLER; i++) {
            filler.add(x.lineLike("guichets.csv", Map.of("code_guichet", "F" + i, "libelle", "Agence n° " + i)));
        }
        x.append("guichets.csv", filler.toArray(String[]::new));                                  // 3 to 5,002
        long guichets = Files.size(x.file("guichets.csv"));
        x.appendBytes("guichets.csv", latin1("G9001;Agence à Nice;ETAT;06088;2015-01-01;\n"));   // 5,003
        long demandes = Files.size(x.file("demandes.csv"));
        x.appendBytes("demandes.csv", withByte(x.lineLike("demandes.csv",
                Map.of("numero_unique", "D05", "id_demandeur", "ab#cd")) + "\n", 0xFF));             // 5
        long evenements = Files.size(x.file("evenements.csv"));
        x.appendBytes("evenements.csv", withByte("0612024000001;2025-03-01;PIECE;G00#;GUICHET;\n", 0xC3)); // 10

        LoadReport report = EtlJob.run(SharedSpark.session(), x.dir(), tmp.resolve("warehouse"));

        assertEquals(Map.of("guichets.csv", 1L, "demandes.csv", 1L, "evenements.csv", 1L, "attributions.csv", 0L),
                report.rowsQuarantined());
        assertEquals(2 + FILLER, report.rowsWritten().get("guichets"));
        List<Row> rows = Quarantined.rows(tmp.resolve("warehouse"), report);
        assertEquals(new TreeSet<>(List.of(
                // "G9001;Agence " is 13 bytes, "D05;ab" 6, "0612024000001;2025-03-01;PIECE;G00" 34
                "guichets.csv 5003 libelle = Agence \uFFFD Nice: octets invalides en UTF-8 à l'octet " + (guichets + 13)
                        + " du fichier (lus comme \uFFFD)",
                "demandes.csv 5 id_demandeur = ab\uFFFDcd: octets invalides en UTF-8 à l'octet " + (demandes + 6)
                        + " du fichier (lus comme \uFFFD)",
                "evenements.csv 10 code_guichet = G00\uFFFD: octets invalides en UTF-8 à l'octet " + (evenements + 34)
                        + " du fichier (lus comme \uFFFD)")),
                Quarantined.lines(rows));
        Row g9001 = rows.stream().filter(r -> r.<Long>getAs("ligne") == 5003).findFirst().orElseThrow();
        assertEquals("G9001;Agence \uFFFD Nice;ETAT;06088;2015-01-01;", g9001.getAs("enregistrement"));

        Path version = WarehouseFormat.versionDir(tmp.resolve("warehouse"), report.version());
        assertEquals("Agence n° 4999", SharedSpark.session().read().parquet(Table.GUICHETS.in(version).toString())
                .filter("code_guichet = 'F4999'").first().getAs("libelle"));
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The text in UTF-8, its one {@code #} replaced by the byte {@code b}. */
    private static byte[] withByte(String text, int b) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        bytes[text.indexOf('#')] = (byte) b;
        return bytes;
    }
}
