package fr.infocentre.api.gestion;

import fr.infocentre.warehouse.RestrictedWarehouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The two files of a semestrial bilan, {@code bilan-<dep>-<semestre>.pdf} and {@code .xlsx}, as the command writes
 * them and the espace's button zips them: one pack ({@link BilanPack}), two renderings.
 *
 * @param pack the bilan
 * @param pdf  the PDF's bytes
 * @param xlsx the workbook's bytes
 */
record BilanFiles(BilanPack pack, byte[] pdf, byte[] xlsx) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The bilan of a département and semester, edited today (Paris time). */
    static BilanFiles of(RestrictedWarehouse warehouse, String departement, String semestre, Clock clock) {
        BilanPack pack = BilanPack.build(warehouse, departement, semestre);
        LocalDate edited = LocalDate.ofInstant(clock.instant(), PARIS);
        return new BilanFiles(pack, new BilanPdf().bytes(pack, edited), new BilanXlsx().bytes(pack, edited));
    }

    String pdfName() {
        return pack.fileName("pdf");
    }

    String xlsxName() {
        return pack.fileName("xlsx");
    }

    String zipName() {
        return pack.fileName("zip");
    }

    /** Both files in one zip archive. */
    byte[] zip() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(pdfName()));
            zip.write(pdf);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(xlsxName()));
            zip.write(xlsx);
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
