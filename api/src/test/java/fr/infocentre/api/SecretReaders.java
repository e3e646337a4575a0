package fr.infocentre.api;

import fr.infocentre.warehouse.Column;


import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readers of {@link SecretLeakTest}: each fetches one route for one table request and returns
 * the count cells (columns of type COUNT) it finds in the response, as published, plus what it
 * could not make sense of (an "incohérence": a reader that cannot read a response must say so,
 * never skip it).
 *
 * <p>HTML is read with regular expressions over the site's known markup (templates rapport.html
 * and _cell.html); anything in a page that could carry figures and that these readers do not
 * know (another table, an inline script, a data-* attribute with digits) is reported, so a change
 * of the page cannot hide figures from the test.
 */
final class SecretReaders {

    static final String JSON = "JSON";
    static final String CSV = "CSV";
    static final String HTML_TABLE = "HTML table";
    static final String HTML_CHART = "HTML chart (rapport-data)";
    static final String HTML_ATTRIBUTES = "HTML data-*";
    static final String XLSX = "XLSX";
    static final String PDF_TABLE = "PDF tableau";
    static final String PDF_CHART = "PDF graphique";

    /** The JSON route whose "colonnes" give the column types of every format of the same request. */
    static final String ROUTE_JSON = "/api/v1/rapports/{id}";

    /**
     * data-* attributes of the pages known to carry no figure (what they hold, for the reader of
     * this code). Their values must still hold no digit; any other data-* attribute is read as
     * figures, each number in it taken as a count.
     */
    static final Map<String, String> ATTRIBUTES_WITHOUT_COUNT = Map.of(
            "chart", "the chart type (bar, line, pie, stacked-bar)",
            "selectors", "marks the pickers' form",
            "level", "marks the level picker",
            "territoire", "marks the territory picker");

    private static final Pattern TABLE = Pattern.compile("<table\\b([^>]*)>(.*?)</table>", Pattern.DOTALL);
    private static final Pattern THEAD = Pattern.compile("<thead\\b[^>]*>(.*?)</thead>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<(tbody|tfoot)\\b[^>]*>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("<tr\\b[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<(td|th)\\b([^>]*)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern DATA_ATTRIBUTE = Pattern.compile(
            "\\sdata-([A-Za-z0-9_.:-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)?");
    private static final Pattern NOT_COVERED = Pattern.compile("pas couvertes?");

    private SecretReaders() {
    }

    /** One table request: a rapport for one territory and one millésime. */
    record Request(String rapport, String level, String code, int millesime) {

        String request() {
            return "?niveau=" + level + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&annee=" + millesime;
        }

        @Override
        public String toString() {
            return rapport + " | " + level + " | " + code + " | " + millesime;
        }
    }

    /** A column as the JSON "colonnes" declare it. */
    record Column(String key, String label, String type) {

        boolean count() {
            return "EFFECTIF".equals(type);
        }

        @Override
        public String toString() {
            return "« " + label + " » (" + key + ")";
        }
    }

    /**
     * One published cell of a count column: its line and column, the text as published, the figure
     * (null when masked or when the figure does not exist), whether it is marked as masked.
     */
    record CellRead(String line, String column, String text, BigDecimal value, boolean mask) {
    }

    /** What a reader found in one response: the count cells and what it could not make sense of. */
    record Read(String format, String url, List<CellRead> counts, List<String> inconsistencies) {

        static Read failure(String format, String url, String inconsistency) {
            return new Read(format, url, List.of(), List.of(inconsistency));
        }
    }

    /**
     * The responses fetched for one table request, shared by the readers of its routes (so the
     * CSV and HTML readers get the column types from the JSON of the same request without fetching
     * it again). Used by one thread at a time.
     */
    static final class Context {

        private final Client client;
        private final Request request;
        private final Map<String, HttpResponse<String>> responses = new HashMap<>();
        private final Map<String, HttpResponse<byte[]>> binaries = new HashMap<>();

        Context(Client client, Request request) {
            this.client = client;
            this.request = request;
        }

        Request request() {
            return request;
        }

        /** The URL of a route for this request: {id} is the rapport, the query names territory and year. */
        String url(String route) {
            return route.replace("{id}", request.rapport()) + request.request();
        }

        HttpResponse<String> get(String url) {
            return responses.computeIfAbsent(url, client::get);
        }

        HttpResponse<byte[]> bytes(String url) {
            return binaries.computeIfAbsent(url, client::bytes);
        }

        /** The column types of this request, from its JSON document; null when that document cannot be had. */
        List<Column> columns() {
            JsonNode doc = document();
            return doc == null ? null : SecretReaders.columns(doc);
        }

        /** The JSON document of this request; null when it cannot be had. */
        JsonNode document() {
            HttpResponse<String> response = get(url(ROUTE_JSON));
            if (response.statusCode() != 200) {
                return null;
            }
            return Client.read(response.body());
        }
    }

    // ---------------------------------------------------------------- JSON

    /** The JSON API: every COUNT value of every line and of the total; every null count must be listed in masques. */
    static List<Read> json(String route, Context ctx) {
        String url = ctx.url(route);
        HttpResponse<String> response = ctx.get(url);
        if (response.statusCode() != 200) {
            return List.of(Read.failure(JSON, url, status(response)));
        }
        return List.of(document(Client.read(response.body()), ctx.request(), JSON, url));
    }

    /**
     * A published document (the JSON API's, or the one embedded in a page for its chart). A null
     * count not listed in masques is accepted only as a figure that does not exist: every count of
     * its line null, none listed, and a note saying that year is not covered.
     */
    static Read document(JsonNode doc, Request request, String format, String url) {
        List<String> inconsistencies = new ArrayList<>();
        List<CellRead> cells = new ArrayList<>();
        if (!request.level().equals(doc.at("/territoire/niveau").asText())
                || !request.code().equals(doc.at("/territoire/code").asText())
                || request.millesime() != doc.path("annee").asInt()) {
            inconsistencies.add(url + ": the document is not the table asked for: territoire " + doc.path("territoire")
                    + ", annee " + doc.path("annee"));
        }
        List<Column> columns = columns(doc);
        if (columns == null || !doc.path("lignes").isArray()) {
            return Read.failure(format, url, url + ": no colonnes or lignes array in the document");
        }
        String labelKey = columns.stream().filter(c -> "LIBELLE".equals(c.type())).map(Column::key).findFirst()
                .orElse(null);
        Set<String> masks = new HashSet<>();
        doc.path("masques").forEach(m -> masks.add(m.path("ligne").asText() + "/" + m.path("colonne").asText()));
        boolean notCovered = false;
        for (JsonNode note : doc.path("notes")) {
            notCovered |= NOT_COVERED.matcher(note.asText()).find();
        }
        List<JsonNode> lines = new ArrayList<>();
        doc.get("lignes").forEach(lines::add);
        if (doc.hasNonNull("total")) {
            lines.add(doc.get("total"));
        }
        Set<String> masksSeen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            boolean total = i == lines.size() - 1 && doc.hasNonNull("total");
            String key = total ? "total" : line.path("cle").asText();
            String label = total ? "Total" : labelKey == null ? key : line.path(labelKey).asText();
            boolean unavailableLine = notCovered && columns.stream().filter(Column::count)
                    .allMatch(c -> line.path(c.key()).isNull() && !masks.contains(key + "/" + c.key()));
            for (Column c : columns) {
                if (!c.count()) {
                    continue;
                }
                JsonNode value = line.get(c.key());
                boolean list = masks.contains(key + "/" + c.key());
                String or = url + " line « " + label + " » (" + key + ") column " + c;
                if (value == null) {
                    inconsistencies.add(or + ": count missing from the line");
                } else if (value.isNull()) {
                    if (list) {
                        masksSeen.add(key + "/" + c.key());
                        cells.add(new CellRead(label, c.toString(), "null", null, true));
                    } else if (unavailableLine) {
                        cells.add(new CellRead(label, c.toString(), "null", null, false));
                    } else {
                        inconsistencies.add(or + ": null count not listed in masques");
                    }
                } else if (value.isNumber()) {
                    if (list) {
                        inconsistencies.add(or + ": listed in masques but published as " + value);
                    }
                    cells.add(new CellRead(label, c.toString(), value.toString(), value.decimalValue(), false));
                } else {
                    inconsistencies.add(or + ": a count that is not a number: " + value);
                }
            }
        }
        return new Read(format, url, cells, inconsistencies);
    }

    private static List<Column> columns(JsonNode doc) {
        if (!doc.path("colonnes").isArray() || doc.get("colonnes").isEmpty()) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        doc.get("colonnes").forEach(c -> columns.add(
                new Column(c.path("cle").asText(), c.path("libelle").asText(), c.path("type").asText())));
        return columns;
    }

    // ---------------------------------------------------------------- CSV

    /**
     * The CSV download: the cells of its count columns ("s" masked, empty when the figure does not
     * exist), the header mapped to column types through the JSON "colonnes" of the same request.
     */
    static List<Read> csv(String route, Context ctx) {
        String url = ctx.url(route);
        HttpResponse<String> response = ctx.get(url);
        if (response.statusCode() != 200) {
            return List.of(Read.failure(CSV, url, status(response)));
        }
        List<Column> columns = ctx.columns();
        if (columns == null) {
            return List.of(Read.failure(CSV, url, url + ": no JSON colonnes for this request, cannot tell the count columns"));
        }
        String text = response.body().startsWith("\uFEFF") ? response.body().substring(1) : response.body();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            return List.of(Read.failure(CSV, url, url + ": unreadable CSV: " + e.getMessage()));
        }
        List<String> labels = columns.stream().map(Column::label).toList();
        if (records.isEmpty() || !records.get(0).toList().equals(labels)) {
            return List.of(Read.failure(CSV, url, url + ": CSV header "
                    + (records.isEmpty() ? "missing" : records.get(0).toList())
                    + " differs from the JSON colonnes " + labels + ": cannot tell its count columns"));
        }
        List<String> inconsistencies = new ArrayList<>();
        List<CellRead> cells = new ArrayList<>();
        int labelIndex = labelIndex(columns);
        for (CSVRecord line : records.subList(1, records.size())) {
            if (line.size() != columns.size()) {
                inconsistencies.add(url + " CSV line " + line.getRecordNumber() + ": " + line.size() + " cells for "
                        + columns.size() + " columns: " + line.toList());
                continue;
            }
            String label = line.get(labelIndex);
            for (int j = 0; j < columns.size(); j++) {
                if (columns.get(j).count()) {
                    readText(cells, inconsistencies, url, label, columns.get(j), line.get(j), "s".equals(line.get(j)));
                }
            }
        }
        return List.of(new Read(CSV, url, cells, inconsistencies));
    }

    // ---------------------------------------------------------------- XLSX

    /**
     * The XLSX download ({@link XlsxTable}): the count cells of the table's lines (a text "s" masked, an empty
     * cell a figure that does not exist, a number as published), the header found through the JSON colonnes
     * of the same request; a formula, or a number anywhere else in the workbook, is reported.
     */
    static List<Read> xlsx(String route, Context ctx) {
        String url = ctx.url(route);
        HttpResponse<byte[]> response = ctx.bytes(url);
        if (response.statusCode() != 200) {
            return List.of(Read.failure(XLSX, url, binaryStatus(response)));
        }
        List<Column> columns = ctx.columns();
        if (columns == null) {
            return List.of(Read.failure(XLSX, url, url + ": no JSON colonnes for this request, cannot tell the count columns"));
        }
        XlsxTable table = XlsxTable.read(response.body(), columns.stream().map(Column::label).toList());
        List<String> inconsistencies = new ArrayList<>();
        table.inconsistencies().forEach(i -> inconsistencies.add(url + ": " + i));
        List<CellRead> cells = new ArrayList<>();
        for (XlsxTable.Line line : table.lines()) {
            for (int j = 0; j < columns.size(); j++) {
                if (columns.get(j).count()) {
                    String text = line.cells().get(j).text();
                    readText(cells, inconsistencies, url, line.label(), columns.get(j), text, "s".equals(text));
                }
            }
        }
        return List.of(new Read(XLSX, url, cells, inconsistencies));
    }

    // ---------------------------------------------------------------- PDF

    /**
     * The PDF download ({@link PdfTable}): the count cells of its table (header and lines matched through
     * the JSON colonnes and category labels of the same request), and, apart, the chart's figures (the main
     * count of each line: a part of the table, so not held to the JSON's number of cells). A number outside
     * the chart and the table is reported unless the notes, title, territory code, millésime, rapport id
     * or page numbers hold it.
     */
    static List<Read> pdf(String route, Context ctx) {
        String url = ctx.url(route);
        HttpResponse<byte[]> response = ctx.bytes(url);
        if (response.statusCode() != 200) {
            return List.of(Read.failure(PDF_TABLE, url, binaryStatus(response)));
        }
        JsonNode doc = ctx.document();
        List<Column> columns = doc == null ? null : columns(doc);
        if (columns == null) {
            return List.of(Read.failure(PDF_TABLE, url, url + ": no JSON document for this request, cannot tell the count columns"));
        }
        String labelKey = columns.get(labelIndex(columns)).key();
        List<String> categories = new ArrayList<>();
        doc.path("lignes").forEach(l -> categories.add(l.path(labelKey).asText()));
        PdfTable pdf = PdfTable.read(response.body(), columns.stream().map(Column::label).toList(), categories,
                doc.hasNonNull("total"));
        List<String> inconsistencies = new ArrayList<>();
        pdf.inconsistencies().forEach(i -> inconsistencies.add(url + ": " + i));
        List<String> known = new ArrayList<>();
        doc.path("notes").forEach(n -> known.add(n.asText()));
        known.add(doc.path("titre").asText());
        known.add(doc.path("rapport").asText());
        known.add(doc.at("/territoire/code").asText());
        known.add(doc.path("annee").asText());
        known.add("page " + pdf.pages());
        Set<String> allowed = PdfTable.numbers(known);
        for (int k = 1; k <= pdf.pages(); k++) {
            allowed.add(String.valueOf(k));
        }
        pdf.strayNumbers(allowed).forEach(n -> inconsistencies.add(url + ": a number outside the chart and the table: " + n));

        List<CellRead> cells = new ArrayList<>();
        for (PdfTable.Line line : pdf.table()) {
            for (int j = 1; j < columns.size(); j++) {
                if (columns.get(j).count()) {
                    String text = line.cells().get(j - 1);
                    readText(cells, inconsistencies, url, line.label(), columns.get(j), text, "s".equals(text));
                }
            }
        }
        List<String> chartInconsistencies = new ArrayList<>();
        List<CellRead> chart = new ArrayList<>();
        Column main = columns.get(1);
        for (PdfTable.Line line : pdf.chart()) {
            String text = line.cells().get(0);
            readText(chart, chartInconsistencies, url + " (chart)", line.label(), main, text, "s".equals(text));
        }
        return List.of(new Read(PDF_TABLE, url, cells, inconsistencies), new Read(PDF_CHART, url, chart, chartInconsistencies));
    }

    // ---------------------------------------------------------------- HTML

    /**
     * A rapport page: the table's count cells (thead mapped to column types through the JSON
     * colonnes), the chart's data (the JSON document embedded for ECharts: chart.js draws
     * only from it), and every data-* attribute carrying digits.
     */
    static List<Read> page(String route, Context ctx) {
        String url = ctx.url(route);
        HttpResponse<String> response = ctx.get(url);
        if (response.statusCode() != 200) {
            return List.of(Read.failure(HTML_TABLE, url, status(response)));
        }
        String html = response.body();
        List<Read> reads = new ArrayList<>();
        reads.add(table(html, ctx.columns(), url));
        reads.addAll(scripts(html, ctx.request(), url));
        reads.add(dataAttributes(html, url));
        return reads;
    }

    private static Read table(String html, List<Column> columns, String url) {
        if (columns == null) {
            return Read.failure(HTML_TABLE, url, url + ": no JSON colonnes for this request, cannot tell the count columns");
        }
        List<String> inconsistencies = new ArrayList<>();
        List<CellRead> cells = new ArrayList<>();
        Matcher tables = TABLE.matcher(html);
        int n = 0;
        String table = null;
        while (tables.find()) {
            n++;
            if (tables.group(1).contains("class=\"table\"")) {
                table = tables.group(2);
            }
        }
        if (n != 1 || table == null) {
            return Read.failure(HTML_TABLE, url, url + ": " + n + " <table> in the page; the reader knows one, "
                    + "<table class=\"table\">: say how to read the others");
        }
        Matcher thead = THEAD.matcher(table);
        List<String> headers = new ArrayList<>();
        if (thead.find()) {
            Matcher th = CELL.matcher(thead.group(1));
            while (th.find()) {
                headers.add(text(th.group(3)));
            }
        }
        List<String> labels = columns.stream().map(Column::label).toList();
        if (!headers.equals(labels)) {
            return Read.failure(HTML_TABLE, url, url + ": table header " + headers + " differs from the JSON colonnes "
                    + labels + ": cannot tell its count columns");
        }
        int labelIndex = labelIndex(columns);
        Matcher body = BODY.matcher(table);
        while (body.find()) {
            Matcher tr = LINE.matcher(body.group(2));
            while (tr.find()) {
                List<String[]> line = new ArrayList<>();
                Matcher td = CELL.matcher(tr.group(1));
                while (td.find()) {
                    line.add(new String[] {td.group(2), text(td.group(3))});
                }
                if (line.size() != columns.size()) {
                    inconsistencies.add(url + ": a table row of " + line.size() + " cells for " + columns.size()
                            + " columns: " + tr.group(1).strip());
                    continue;
                }
                String label = line.get(labelIndex)[1];
                for (int j = 0; j < columns.size(); j++) {
                    if (columns.get(j).count()) {
                        boolean mask = line.get(j)[0].matches("(?s).*class=\"[^\"]*\\bmasked\\b[^\"]*\".*");
                        readText(cells, inconsistencies, url, label, columns.get(j), line.get(j)[1], mask);
                    }
                }
            }
        }
        return new Read(HTML_TABLE, url, cells, inconsistencies);
    }

    /** The chart's data; any other inline script is reported (the reader does not know how to read it). */
    private static List<Read> scripts(String html, Request request, String url) {
        List<Read> reads = new ArrayList<>();
        List<String> inconsistencies = new ArrayList<>();
        Matcher script = SCRIPT.matcher(html);
        while (script.find()) {
            String attributes = script.group(1);
            if (attributes.contains("src=") && script.group(2).isBlank()) {
                continue; // the site's static scripts and ECharts: code, no data
            }
            if (attributes.contains("type=\"application/json\"") && attributes.contains("id=\"rapport-data\"")) {
                reads.add(document(Client.read(script.group(2)), request, HTML_CHART, url));
            } else {
                inconsistencies.add(url + ": an inline <script" + attributes + "> the reader does not know: say how to read"
                        + " its figures");
            }
        }
        if (!inconsistencies.isEmpty()) {
            reads.add(new Read(HTML_CHART, url, List.of(), inconsistencies));
        }
        return reads;
    }

    /**
     * Every data-* attribute: the known figure-free ones must hold no digit; any other one is read
     * as figures, each number in it taken as a count (a strict reading: better a false alarm than a
     * leak through an attribute nobody looked at).
     */
    private static Read dataAttributes(String html, String url) {
        List<String> inconsistencies = new ArrayList<>();
        List<CellRead> cells = new ArrayList<>();
        Matcher attribute = DATA_ATTRIBUTE.matcher(html);
        while (attribute.find()) {
            String name = attribute.group(1);
            String value = text(attribute.group(2) != null ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3) : attribute.group(4) != null ? attribute.group(4) : "");
            if (ATTRIBUTES_WITHOUT_COUNT.containsKey(name)) {
                if (value.chars().anyMatch(Character::isDigit)) {
                    inconsistencies.add(url + ": data-" + name + "=\"" + value + "\" is listed as figure-free ("
                            + ATTRIBUTES_WITHOUT_COUNT.get(name) + ") but holds digits");
                }
                continue;
            }
            Matcher number = NUMBER.matcher(value);
            while (number.find()) {
                cells.add(new CellRead("data-" + name, "data-" + name + "=\"" + value + "\"", number.group(),
                        new BigDecimal(number.group().replace(',', '.')), false));
            }
        }
        return new Read(HTML_ATTRIBUTES, url, cells, inconsistencies);
    }

    // ---------------------------------------------------------------- shared

    /** A count cell as text (CSV or page): "s" masked, empty for a figure that does not exist, else a French number. */
    private static void readText(List<CellRead> cells, List<String> inconsistencies, String url, String line,
                                  Column column, String text, boolean mask) {
        if (mask) {
            if (!"s".equals(text)) {
                inconsistencies.add(url + " line « " + line + " » column " + column + ": masked cell shows « " + text + " »");
            }
            cells.add(new CellRead(line, column.toString(), text, null, true));
            return;
        }
        if (text.isEmpty()) {
            cells.add(new CellRead(line, column.toString(), text, null, false));
            return;
        }
        try {
            BigDecimal value = new BigDecimal(text.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.'));
            cells.add(new CellRead(line, column.toString(), text, value, false));
        } catch (NumberFormatException e) {
            inconsistencies.add(url + " line « " + line + " » column " + column + ": unreadable count « " + text + " »");
        }
    }

    private static int labelIndex(List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if ("LIBELLE".equals(columns.get(i).type())) {
                return i;
            }
        }
        return 0;
    }

    /** The text of an HTML fragment: tags dropped, entities decoded, trimmed. */
    static String text(String html) {
        String withoutTags = TAG.matcher(html).replaceAll("");
        Matcher entity = ENTITY.matcher(withoutTags);
        StringBuilder output = new StringBuilder();
        while (entity.find()) {
            String e = entity.group(1);
            String c;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                c = new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
            } else if (e.startsWith("#")) {
                c = new String(Character.toChars(Integer.parseInt(e.substring(1))));
            } else {
                c = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> "\u00a0";
                    default -> entity.group();
                };
            }
            entity.appendReplacement(output, Matcher.quoteReplacement(c));
        }
        entity.appendTail(output);
        return output.toString().strip();
    }

    private static String binaryStatus(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return response.request().uri().getRawPath() + "?" + response.request().uri().getRawQuery() + ": HTTP "
                + response.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }

    private static String status(HttpResponse<String> response) {
        String body = response.body();
        return response.request().uri().getRawPath() + "?" + response.request().uri().getRawQuery() + ": HTTP "
                + response.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }
}
