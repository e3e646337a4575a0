package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The XLSX downloads opened in LibreOffice Calc (headless, through {@code .ci/xlsx-to-csv}) hold the figures
 * of the JSON of the same request, over {@link GeneratedServer}'s millésimes: every number of the table is the
 * JSON's figure, "s" where the JSON masks, an empty cell where the figure does not exist, and LibreOffice shows
 * each number through its format (counts as integers with grouped thousands, other figures with one decimal;
 * the generated millésime holds no count of 1,000 or more, so grouping itself is not seen here, only the
 * format string, by {@link DownloadRoutesTest}). LibreOffice must report no error. Skipped where
 * {@code soffice} is missing, but not on CI ({@code CI=true}), where {@code .ci/install-test-tools} installs it.
 */
class LibreOfficeXlsxTest {

    /** A figure as LibreOffice saves a number's value: decimal point, no grouping. */
    private static final Pattern VALUE = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    /** A field that is nothing but a figure, however written. */
    private static final Pattern FIGURE = Pattern.compile("-?[0-9][0-9,.\\s\u00a0\u202f]*");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"/]+\\.xlsx)\"");

    @TempDir
    static Path folder;

    private static Client client;
    /** Each request and the JSON of its table, in the order the workbooks are converted. */
    private static final Map<String, JsonNode> docs = new LinkedHashMap<>();
    /** Each request's workbook, as downloaded and named by the server. */
    private static final Map<String, Path> workbooks = new LinkedHashMap<>();

    @BeforeAll
    static void download() throws IOException {
        if (!LibreOffice.available()) {
            assertNotEquals("true", System.getenv("CI"), "soffice not found on CI: .ci/install-test-tools installs libreoffice-calc");
            assumeTrue(false, "soffice not found: run .ci/install-test-tools to run this test");
        }
        client = GeneratedServer.started().client();
        JsonNode millesimes = client.json("/api/v1/millesimes");
        int millesime = millesimes.get(millesimes.size() - 1).asInt();
        int firstMillesime = millesimes.get(0).asInt();
        // one rapport per series, for Hautes-Alpes; a commune table with masked and shown counts; a table of
        // the first millésime, whose older years are not covered (figures that do not exist)
        Map<String, String> bySeries = new TreeMap<>();
        for (JsonNode rapport : Samples.rapports(client)) {
            if (Samples.published(rapport, "departement")) {
                bySeries.putIfAbsent(rapport.path("serie").asText(),
                        rapport.path("id").asText() + "?niveau=departement&code=05&annee=" + millesime);
            }
        }
        List<String> requests = new ArrayList<>(bySeries.values());
        requests.add(Samples.mixed(client, "commune", millesime));
        requests.add("TAB02-02?niveau=departement&code=48&annee=" + firstMillesime);

        Path downloads = Files.createDirectory(folder.resolve("xlsx"));
        for (String request : requests) {
            docs.put(request, client.json("/api/v1/rapports/" + request));
            HttpResponse<byte[]> response = client.bytes("/api/v1/rapports/" + request.replace("?", ".xlsx?"));
            assertEquals(200, response.statusCode(), request);
            Matcher name = FILE_NAME.matcher(response.headers().firstValue("Content-Disposition").orElse(""));
            assertTrue(name.find(), request + ": " + response.headers().map());
            workbooks.put(request, Files.write(downloads.resolve(name.group(1)), response.body()));
        }
    }

    @Test
    void libreOfficeReadsTheFiguresOfTheJsonWithSForMaskedCells() throws Exception {
        Map<String, List<CSVRecord>> csvs = convert("values", false);
        Coverage seen = new Coverage();
        csvs.forEach((request, records) -> compare(request, docs.get(request), records, false, seen));
        assertTrue(seen.maskedCounts > 0 && seen.shownCounts > 0 && seen.fractions > 0 && seen.empty > 0 && seen.totals > 0,
                "the tables compared hold masked counts, counts above 10, figures with a fraction, figures that do not"
                        + " exist and total lines: " + seen);
        System.out.println("LibreOfficeXlsxTest: values of " + csvs.size() + " tables compared, " + seen);
    }

    @Test
    void libreOfficeShowsEachFigureThroughItsNumberFormat() throws Exception {
        Map<String, List<CSVRecord>> csvs = convert("shown", true);
        Coverage seen = new Coverage();
        csvs.forEach((request, records) -> compare(request, docs.get(request), records, true, seen));
        assertTrue(seen.shownCounts > 0 && seen.decimals > 0, "the tables compared hold counts and other figures: " + seen);
        System.out.println("LibreOfficeXlsxTest: figures as shown of " + csvs.size() + " tables compared, " + seen);
    }

    /** Every workbook converted in one run of the script into a folder of its own, each CSV parsed. */
    private static Map<String, List<CSVRecord>> convert(String name, boolean asShown) throws Exception {
        Path outdir = Files.createDirectory(folder.resolve(name));
        long start = System.nanoTime();
        LibreOffice.Conversion conversion = LibreOffice.toCsv(outdir, asShown, List.copyOf(workbooks.values()));
        System.out.printf("LibreOfficeXlsxTest: %d workbooks converted (%s) in %.1f s%n", workbooks.size(), name,
                (System.nanoTime() - start) / 1e9);
        assertEquals("", conversion.stderr(), "LibreOffice reported no error nor warning");
        assertEquals(0, conversion.exitCode());
        List<Path> expected = new ArrayList<>();
        workbooks.values().forEach(w -> expected.add(outdir.resolve(w.getFileName().toString().replaceAll("\\.xlsx$", ".csv"))));
        assertEquals(expected, conversion.written());

        Map<String, List<CSVRecord>> csvs = new LinkedHashMap<>();
        int k = 0;
        for (String request : workbooks.keySet()) {
            byte[] bytes = Files.readAllBytes(expected.get(k++));
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(); // strict UTF-8
            assertFalse(text.startsWith("\uFEFF"), request + ": no BOM");
            try (CSVParser parser = CSVParser.parse(new StringReader(text),
                    CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get())) {
                csvs.put(request, parser.getRecords());
            }
        }
        return csvs;
    }

    /** What the tables compared held, so that a test cannot pass on tables without masks or without figures. */
    private static final class Coverage {
        int maskedCounts;
        int shownCounts;
        int fractions;
        int empty;
        int totals;
        int grouped;
        int decimals;

        @Override
        public String toString() {
            return maskedCounts + " masked counts, " + shownCounts + " counts above 10, " + fractions
                    + " figures with a fraction, " + empty + " empty cells, " + totals + " total lines, " + grouped
                    + " counts of 1,000 or more, " + decimals + " figures other than counts";
        }
    }

    /**
     * One request's sheet « Tableau » as LibreOffice saved it against its JSON: the title first, the territory and
     * millésime above the table, the header row of the JSON's labels, one row per JSON line (total last), every
     * cell as the JSON has it, nothing beyond the table's columns, and no figure anywhere
     * outside its header and rows.
     */
    private static void compare(String request, JsonNode doc, List<CSVRecord> records, boolean asShown, Coverage seen) {
        List<String> labels = new ArrayList<>();
        doc.path("colonnes").forEach(c -> labels.add(c.path("libelle").asText()));
        assertFalse(records.isEmpty(), request);
        assertEquals(doc.path("titre").asText(), records.get(0).get(0), request + ": the title first, in UTF-8");
        int header = -1;
        for (int r = 0; r < records.size() && header < 0; r++) {
            if (records.get(r).size() >= labels.size() && fields(records.get(r), 0, labels.size()).equals(labels)) {
                header = r;
            }
        }
        assertTrue(header > 0, request + ": a row holds the JSON's labels " + labels);
        List<String> heading = new ArrayList<>();
        records.subList(0, header).forEach(r -> r.forEach(f -> {
            if (!f.isEmpty()) {
                heading.add(f);
            }
        }));
        assertTrue(heading.contains("Millésime : " + doc.path("annee").asText()), request + ": " + heading);
        String territory = doc.at("/territoire/nom").asText();
        assertTrue(heading.stream().anyMatch(h -> h.contains(territory)), request + ": « " + territory + " » in " + heading);

        List<JsonNode> lines = new ArrayList<>();
        doc.path("lignes").forEach(lines::add);
        if (doc.hasNonNull("total")) {
            lines.add(doc.get("total"));
            seen.totals++;
        }
        Set<String> masks = new HashSet<>();
        doc.path("masques").forEach(m -> masks.add(m.path("ligne").asText() + "/" + m.path("colonne").asText()));
        String labelKey = doc.at("/colonnes/0/cle").asText();
        Set<Integer> tableRows = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            int r = header + 1 + i;
            assertTrue(r < records.size(), request + ": " + lines.size() + " lines expected, " + i + " found");
            CSVRecord row = records.get(r);
            tableRows.add(r);
            JsonNode line = lines.get(i);
            boolean total = doc.hasNonNull("total") && i == lines.size() - 1;
            assertEquals(total ? "Total" : line.path(labelKey).asText(), row.get(0), request + " row " + (r + 1));
            for (int j = 1; j < labels.size(); j++) {
                String key = doc.at("/colonnes/" + j + "/cle").asText();
                boolean count = doc.at("/colonnes/" + j + "/type").asText().equals("EFFECTIF");
                String where = request + " line « " + row.get(0) + " » column « " + labels.get(j) + " »";
                String text = row.get(j);
                if (masks.contains(line.path("cle").asText() + "/" + key)) {
                    assertEquals("s", text, where);
                    seen.maskedCounts += count ? 1 : 0;
                } else if (line.path(key).isNull()) {
                    assertEquals("", text, where + ": a figure that does not exist is an empty cell");
                    seen.empty++;
                } else {
                    BigDecimal value = line.path(key).decimalValue();
                    if (asShown) {
                        assertEquals(shown(value, count), text, where);
                    } else {
                        assertTrue(VALUE.matcher(text).matches(), where + ": a plain number « " + text + " »");
                        assertEquals(0, value.compareTo(new BigDecimal(text)), where + ": « " + text + " » for " + value);
                    }
                    seen.shownCounts += count && value.compareTo(BigDecimal.TEN) > 0 ? 1 : 0;
                    seen.grouped += count && value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? 1 : 0;
                    seen.fractions += value.stripTrailingZeros().scale() > 0 ? 1 : 0;
                    seen.decimals += count ? 0 : 1;
                }
            }
            fields(row, labels.size(), row.size()).forEach(f -> assertEquals("", f, where(request, row) + ": beyond the table"));
        }
        int after = header + 1 + lines.size();
        assertTrue(after == records.size() || String.join("", records.get(after)).isEmpty(),
                request + ": the table ends after its " + lines.size() + " lines");
        if (!masks.isEmpty()) {
            assertTrue(records.subList(after, records.size()).stream().anyMatch(r -> r.get(0).startsWith("s : secret statistique")),
                    request + ": what s means, below the table");
        }
        for (int r = 0; r < records.size(); r++) {
            if (r != header && !tableRows.contains(r)) {
                for (String f : records.get(r)) {
                    assertFalse(FIGURE.matcher(f).matches(), where(request, records.get(r)) + ": a figure outside the table « " + f + " »");
                }
            }
        }
    }

    /** A figure as LibreOffice shows it in en-US: a count with grouped thousands ("#,##0"), others with one decimal ("0.0"). */
    private static String shown(BigDecimal value, boolean count) {
        return count ? String.format(Locale.US, "%,d", value.longValueExact())
                : value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static List<String> fields(CSVRecord record, int from, int to) {
        List<String> fields = new ArrayList<>();
        for (int j = from; j < to; j++) {
            fields.add(record.get(j));
        }
        return fields;
    }

    private static String where(String request, CSVRecord record) {
        return request + " CSV line " + record.getRecordNumber();
    }
}
