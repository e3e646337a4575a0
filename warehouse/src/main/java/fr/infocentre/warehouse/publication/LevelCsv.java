package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.CsvCell;
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
final class LevelCsv implements Closeable {

    private static final String BOM = "\uFEFF";

    private final List<Column> columns;
    private final CSVPrinter csv;

    LevelCsv(Writer output, List<Column> columns) throws IOException {
        this.columns = List.copyOf(columns);
        List<String> header = new ArrayList<>(List.of("Code territoire", "Territoire"));
        columns.forEach(c -> header.add(c.label()));
        output.write(BOM);
        this.csv = new CSVPrinter(output, CSVFormat.DEFAULT.builder()
                .setDelimiter(';')
                .setRecordSeparator("\r\n")
                .setHeader(header.toArray(String[]::new))
                .get());
    }

    void write(RapportTable table) throws IOException {
        if (!table.columns().equals(columns)) {
            throw new IllegalStateException(table.rapport().id() + ": columns differ between territories");
        }
        for (Map<String, Object> line : table.lines()) {
            write(table, line, false);
        }
        if (table.total() != null) {
            write(table, table.total(), true);
        }
    }

    private void write(RapportTable table, Map<String, Object> line, boolean total) throws IOException {
        List<String> values = new ArrayList<>(columns.size() + 2);
        values.add(table.territoire().code());
        values.add(table.territoire().name());
        for (Column c : columns) {
            values.add(total && c.type() == Column.Type.LABEL ? "Total"
                    : CsvCell.text(line.get(c.key()), table.mask(line, c.key())));
        }
        csv.printRecord(values);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
