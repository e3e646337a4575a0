package fr.infocentre.warehouse.opendata;

import fr.infocentre.warehouse.CsvCell;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a rapport's open-data CSV from its level files, in data.gouv.fr's conventions (UTF-8
 * without byte order mark, "," separator, "." decimals, one header row of {@link RapportColumns}):
 * one record per territory × category line, the territory's total line (categorie "total") after
 * its categories, levels in the order given and territories in the order of each file. A figure
 * masked by the secret statistique is empty with its flag {@code <cle>_secret} true; a figure that
 * does not exist is empty with its flag false.
 */
final class RapportCsv {

    private final String rapport;
    private final Writer output;
    private CSVPrinter csv;
    private RapportColumns columns;
    private long rows;

    private RapportCsv(String rapport, Writer output) {
        this.rapport = rapport;
        this.output = output;
    }

    /**
     * @throws IllegalStateException when the files disagree (columns, rapport), when a masked cell
     *                               has a value, or a count is not an integer
     */
    static RapportFile write(String rapport, List<Path> levelFiles, Path file) throws IOException {
        try (Writer output = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            RapportCsv csv = new RapportCsv(rapport, output);
            JsonNode head = null;
            for (Path level : levelFiles) {
                try (LevelFile tables = new LevelFile(level)) {
                    if (!rapport.equals(tables.head().path("rapport").asText())) {
                        throw new IllegalStateException(level + " is not a file of " + rapport);
                    }
                    head = head == null ? tables.head() : head;
                    for (JsonNode table = tables.next(); table != null; table = tables.next()) {
                        csv.table(table);
                    }
                }
            }
            if (csv.columns == null) {
                throw new IllegalStateException(rapport + ": no table to publish");
            }
            csv.csv.flush();
            return new RapportFile(rapport, head.get("titre").asText(), head.get("description").asText(),
                    csv.columns.fields(), csv.rows);
        }
    }

    private void table(JsonNode table) throws IOException {
        if (columns == null) {
            columns = RapportColumns.of(table.get("colonnes"));
            csv = new CSVPrinter(output, CSVFormat.DEFAULT.builder()
                    .setHeader(columns.fields().stream().map(Field::name).toArray(String[]::new)).get());
        } else if (!columns.colonnes().equals(table.get("colonnes"))) {
            throw new IllegalStateException(rapport + ": columns differ between tables, "
                    + table.get("territoire"));
        }
        Set<List<String>> masks = new HashSet<>();
        table.get("masques").forEach(m -> masks.add(List.of(m.get("ligne").asText(), m.get("colonne").asText())));
        int masked = 0;
        for (JsonNode line : table.get("lignes")) {
            masked += line(table.get("territoire"), line, masks);
        }
        if (!table.get("total").isNull()) {
            masked += line(table.get("territoire"), table.get("total"), masks);
        }
        if (masked != masks.size()) {
            throw new IllegalStateException(rapport + " " + table.get("territoire")
                    + ": masques name cells that are not figures of the table");
        }
    }

    /** Prints one record; returns its number of masked cells. */
    private int line(JsonNode territoire, JsonNode line, Set<List<String>> masks) throws IOException {
        String cle = text(line, "cle");
        List<String> values = new ArrayList<>();
        values.add(text(territoire, "niveau"));
        values.add(text(territoire, "code"));
        values.add(text(territoire, "nom"));
        values.add(cle);
        values.add(text(line, columns.label()));
        int masked = 0;
        for (RapportColumns.Figure f : columns.figures()) {
            JsonNode value = line.get(f.key());
            String where = rapport + " " + territoire.get("code").asText() + " " + cle + " " + f.key();
            if (value == null) {
                throw new IllegalStateException(where + ": no such cell");
            }
            if (masks.contains(List.of(cle, f.key()))) {
                if (!value.isNull()) {
                    throw new IllegalStateException(where + ": a masked cell has a value");
                }
                values.add("");
                values.add("true");
                masked++;
            } else {
                values.add(figure(value, f.type(), where));
                values.add("false");
            }
        }
        csv.printRecord(values);
        rows++;
        return masked;
    }

    /** A text every record has (a JSON null would otherwise be written "null"). */
    private String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalStateException(rapport + ": no " + field + " in " + object);
        }
        return value.asText();
    }

    /** A figure in plain decimal notation, empty when it does not exist. */
    private static String figure(JsonNode value, FieldType type, String where) {
        if (value.isNull()) {
            return "";
        }
        if (!value.isNumber()) {
            throw new IllegalStateException(where + ": not a figure: " + value);
        }
        BigDecimal decimal = CsvCell.decimal(value.numberValue());
        if (type != FieldType.INTEGER) {
            return decimal.toPlainString();
        }
        try {
            return decimal.toBigIntegerExact().toString();
        } catch (ArithmeticException e) {
            throw new IllegalStateException(where + ": a count that is not an integer: " + value, e);
        }
    }
}
