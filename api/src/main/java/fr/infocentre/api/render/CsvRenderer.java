package fr.infocentre.api.render;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.CsvCell;
import fr.infocentre.warehouse.RapportTable;


import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a rapport as CSV for spreadsheets set to French: ";" separator, decimal comma, UTF-8 with a byte
 * order mark, a header of column labels, a final Total line, masked cells as "s".
 */
public final class CsvRenderer {

    private static final String BOM = "\uFEFF";

    public void write(Context ctx, RapportTable table) {
        Downloads.attachment(ctx, table, "text/csv; charset=utf-8", "csv",
                (BOM + text(table)).getBytes(StandardCharsets.UTF_8));
    }

    /** A table of exact counts (the espace gestionnaire's requêtes), with the same conventions. */
    public void write(Context ctx, CountTable table) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').get();
        StringWriter output = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(output, format)) {
            List<String> header = new java.util.ArrayList<>(List.of(table.rowHeader()));
            header.addAll(table.columns());
            csv.printRecord(header);
            for (CountTable.Line line : table.lines()) {
                csv.printRecord(countLine(line.label(), line));
            }
            csv.printRecord(countLine("Total", table.total()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + table.fileName() + ".csv\"")
                .result((BOM + output).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> countLine(String label, CountTable.Line line) {
        List<String> cells = new java.util.ArrayList<>(List.of(label));
        line.counts().forEach(n -> cells.add(CsvCell.text(n, false)));
        return cells;
    }

    private static String text(RapportTable table) {
        List<Column> columns = table.columns();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(';')
                .setHeader(columns.stream().map(Column::label).toArray(String[]::new))
                .get();
        StringWriter output = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(output, format)) {
            for (Map<String, Object> line : table.lines()) {
                csv.printRecord(columns.stream().map(c -> CsvCell.text(line.get(c.key()), table.mask(line, c.key()))));
            }
            if (table.total() != null) {
                csv.printRecord(totalLine(table));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toString();
    }

    /** The total line, labelled "Total" in the category column. */
    private static List<String> totalLine(RapportTable table) {
        Map<String, Object> total = table.total();
        return table.columns().stream()
                .map(c -> c.type() == Column.Type.LABEL ? "Total"
                        : CsvCell.text(total.get(c.key()), table.mask(total, c.key())))
                .toList();
    }
}
