package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.CelluleCsv;
import fr.infocentre.warehouse.Colonne;
import fr.infocentre.warehouse.RapportTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CSV of one rapport at one level, in the API's CSV conventions (spreadsheets set to
 * French: ";" separator, decimal comma, UTF-8 with a byte order mark, masked cells "s", a
 * figure that does not exist left empty): a header "Code territoire;Territoire;" then the
 * table's column labels, and one record per territory × category, the territory's total line
 * (labelled "Total") after its categories when the rapport publishes one.
 */
final class CsvNiveau implements Closeable {

    private static final String BOM = "\uFEFF";

    private final List<Colonne> colonnes;
    private final CSVPrinter csv;

    CsvNiveau(Writer sortie, List<Colonne> colonnes) throws IOException {
        this.colonnes = List.copyOf(colonnes);
        List<String> entete = new ArrayList<>(List.of("Code territoire", "Territoire"));
        colonnes.forEach(c -> entete.add(c.libelle()));
        sortie.write(BOM);
        this.csv = new CSVPrinter(sortie, CSVFormat.DEFAULT.builder()
                .setDelimiter(';')
                .setRecordSeparator("\r\n")
                .setHeader(entete.toArray(String[]::new))
                .get());
    }

    void ecrire(RapportTable table) throws IOException {
        if (!table.colonnes().equals(colonnes)) {
            throw new IllegalStateException(table.rapport().id() + ": columns differ between territories");
        }
        for (Map<String, Object> ligne : table.lignes()) {
            ecrire(table, ligne, false);
        }
        if (table.total() != null) {
            ecrire(table, table.total(), true);
        }
    }

    private void ecrire(RapportTable table, Map<String, Object> ligne, boolean total) throws IOException {
        List<String> valeurs = new ArrayList<>(colonnes.size() + 2);
        valeurs.add(table.territoire().code());
        valeurs.add(table.territoire().nom());
        for (Colonne c : colonnes) {
            valeurs.add(total && c.type() == Colonne.Type.LIBELLE ? "Total"
                    : CelluleCsv.texte(ligne.get(c.cle()), table.masque(ligne, c.cle())));
        }
        csv.printRecord(valeurs);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
