package fr.infocentre.api.gestion;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.CsvCell;
import fr.infocentre.warehouse.Indicator;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of rapport 06 as CSV, as the public CSV downloads are written (";" separator, decimal comma, UTF-8 with
 * a byte order mark, masked cells {@code s}, a figure that does not exist empty): one line per guichet then per
 * reference line, its kind, code, name and département, one column per indicator (in the rapport's order), and the
 * indicators it is flagged on.
 */
final class Rapport06Csv {

    private static final String BOM = "\uFEFF";

    private Rapport06Csv() {
    }

    static void write(Context ctx, ActivityTable table) {
        String name = String.join("_", table.rapport().id(), table.diffusable() ? "diffusable" : "exact",
                table.scope().kind().key(), table.scope().code(), table.period().key()) + ".csv";
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .result((BOM + text(table)).getBytes(StandardCharsets.UTF_8));
    }

    static String text(ActivityTable table) {
        List<Indicator> indicators = table.indicators();
        List<String> header = new ArrayList<>(List.of("Ligne", "Code", "Nom", "Département"));
        indicators.forEach(i -> header.add(i.label()));
        header.add("Indicateurs hors seuil");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(header.toArray(String[]::new)).get();
        StringWriter output = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(output, format)) {
            for (ActivityRow row : table.guichets()) {
                csv.printRecord(line(row, indicators));
            }
            for (ActivityRow row : table.references()) {
                csv.printRecord(line(row, indicators));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toString();
    }

    private static List<String> line(ActivityRow row, List<Indicator> indicators) {
        List<String> line = new ArrayList<>();
        line.add(switch (row.kind()) {
            case GUICHET -> "guichet";
            case DEPARTEMENT -> "département (référence)";
            case REGION -> "région";
        });
        line.add(row.code());
        line.add(row.name());
        line.add(row.departement() == null ? "" : row.departement());
        indicators.forEach(i -> line.add(CsvCell.text(row.value(i.key()), row.masked(i.key()))));
        line.add(indicators.stream().filter(i -> row.flagged(i.key())).map(Indicator::label)
                .collect(Collectors.joining(" | ")));
        return line;
    }
}
