package fr.infocentre.api;

import fr.infocentre.warehouse.CelluleCsv;
import fr.infocentre.warehouse.Colonne;
import fr.infocentre.warehouse.RapportTable;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a rapport as CSV for spreadsheets set to French: ";" separator, decimal comma, UTF-8 with a byte
 * order mark, a header of column labels, a final Total line, masked cells as "s".
 */
final class CsvRenderer {

    private static final String BOM = "\uFEFF";

    void ecrire(Context ctx, RapportTable table) {
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + nomFichier(table) + "\"")
                .result(BOM + texte(table));
    }

    /** For example TAB03-02_departement_06_2024.csv. */
    static String nomFichier(RapportTable table) {
        return String.join("_", table.rapport().id(), table.territoire().niveau().cle(), table.territoire().code(),
                String.valueOf(table.annee())) + ".csv";
    }

    private static String texte(RapportTable table) {
        List<Colonne> colonnes = table.colonnes();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(';')
                .setHeader(colonnes.stream().map(Colonne::libelle).toArray(String[]::new))
                .get();
        StringWriter sortie = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(sortie, format)) {
            for (Map<String, Object> ligne : table.lignes()) {
                csv.printRecord(colonnes.stream().map(c -> CelluleCsv.texte(ligne.get(c.cle()), table.masque(ligne, c.cle()))));
            }
            if (table.total() != null) {
                csv.printRecord(ligneTotal(table));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sortie.toString();
    }

    /** The total line, labelled "Total" in the category column. */
    private static List<String> ligneTotal(RapportTable table) {
        Map<String, Object> total = table.total();
        return table.colonnes().stream()
                .map(c -> c.type() == Colonne.Type.LIBELLE ? "Total"
                        : CelluleCsv.texte(total.get(c.cle()), table.masque(total, c.cle())))
                .toList();
    }
}
