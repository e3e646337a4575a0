package fr.infocentre.api;

import fr.infocentre.api.render.PdfRenderer;
import fr.infocentre.api.routes.RapportRoutes;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;


import fr.infocentre.api.SecretReaders.CellRead;
import fr.infocentre.api.SecretReaders.Context;
import fr.infocentre.api.SecretReaders.Read;
import fr.infocentre.api.SecretReaders.Request;
import io.javalin.Javalin;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readers of {@link SecretLeakTest} on hand-written responses (served by a bare Javalin app):
 * they find counts where the site puts them, and report what they cannot read rather than skip it.
 */
class SecretReadersTest {

    private static final Request REQUEST = new Request("TAB99-01", "commune", "48095", 2024);
    private static final String DOCUMENT = """
            {"rapport":"TAB99-01","territoire":{"niveau":"commune","code":"48095","nom":"Mende"},"annee":2024,
             "colonnes":[{"cle":"categorie","libelle":"Âge","type":"LIBELLE"},
                         {"cle":"effectif","libelle":"Demandes","type":"EFFECTIF"},
                         {"cle":"part","libelle":"Part (%%)","type":"PART"}],
             "lignes":[{"cle":"a","categorie":"Moins de 25 ans","effectif":1234,"part":5.0},
                       {"cle":"b","categorie":"25 ans et plus","effectif":%s,"part":null}],
             "total":{"cle":"total","categorie":"Total","effectif":1240,"part":100.0},
             "masques":[%s],"notes":[]}""";
    private static final String PAGE = """
            <html><body><div id="chart" data-chart="bar" %s></div>
            <script type="application/json" id="rapport-data">%s</script>
            <table class="table"><thead><tr><th scope="col">Âge</th><th scope="col" class="number">Demandes</th>
            <th scope="col" class="number">Part (%%)</th></tr></thead>
            <tbody><tr><th scope="row">Moins de 25 ans</th><td class="number">1\u202f234</td><td class="number">5,0</td></tr>
            <tr><th scope="row">25 ans et plus</th><td class="number masked"><abbr title="secret statistique">s</abbr></td>
            <td class="number masked"><abbr title="secret statistique">s</abbr></td></tr></tbody>
            <tfoot><tr class="total"><th scope="row">Total</th><td class="number">1\u202f240</td><td class="number">100,0</td></tr></tfoot>
            </table>%s<script src="/static/js/chart.js" defer></script></body></html>""";

    /** The body each path answers. */
    private static final Map<String, String> RESPONSES = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> BINARIES = new ConcurrentHashMap<>();
    private static Javalin app;
    private static Client client;

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // before "{id}", which would match "TAB99-01.csv" too (as in RapportRoutes)
            config.routes.get("/api/v1/rapports/{id}.csv", ctx -> ctx.result(RESPONSES.get("csv")));
            config.routes.get("/api/v1/rapports/{id}.xlsx", ctx -> ctx.result(BINARIES.get("xlsx")));
            config.routes.get("/api/v1/rapports/{id}.pdf", ctx -> ctx.result(BINARIES.get("pdf")));
            config.routes.get("/api/v1/rapports/{id}.ods", ctx -> ctx.result("PK"));
            config.routes.get("/api/v1/rapports/{id}", ctx -> ctx.result(RESPONSES.get("json")));
            config.routes.get("/rapports/{id}", ctx -> ctx.result(RESPONSES.get("page")));
        }).start(0);
        client = new Client(URI.create("http://localhost:" + app.port()));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void routesAreTheRoutersOwnListSoANewFormatNeedsAReader() {
        assertTrue(SecretLeakTest.routesGet(app).contains("/api/v1/rapports/{id}.ods"));
        assertFalse(SecretLeakTest.READERS.containsKey("/api/v1/rapports/{id}.ods"));
    }

    @Test
    void jsonReaderReadsCountsAndMaskedCellsAndReportsAnUnlistedNull() {
        RESPONSES.put("json", DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}"));
        Read read = single(SecretReaders.json("/api/v1/rapports/{id}", new Context(client, REQUEST)));
        assertEquals(List.of(), read.inconsistencies());
        assertEquals(3, read.counts().size(), "two lines and the total, count column only");
        assertTrue(read.counts().get(1).mask());
        assertEquals(0, new BigDecimal("1240").compareTo(read.counts().get(2).value()));

        RESPONSES.put("json", DOCUMENT.formatted("null", ""));
        assertTrue(single(SecretReaders.json("/api/v1/rapports/{id}", new Context(client, REQUEST))).inconsistencies()
                .get(0).contains("null count not listed in masques"));
    }

    @Test
    void csvReaderMapsHeadersThroughJsonColumns() {
        RESPONSES.put("json", DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}"));
        RESPONSES.put("csv", "\uFEFFÂge;Demandes;Part (%)\r\nMoins de 25 ans;1234;5,0\r\n25 ans et plus;s;s\r\nTotal;7;100,0\r\n");
        Read read = single(SecretReaders.csv("/api/v1/rapports/{id}.csv", new Context(client, REQUEST)));
        assertEquals(List.of(), read.inconsistencies());
        assertEquals(List.of("1234", "s", "7"), read.counts().stream().map(CellRead::text).toList());

        RESPONSES.put("csv", "\uFEFFÂge;Effectif;Part (%)\r\nTotal;7;100,0\r\n");
        assertTrue(single(SecretReaders.csv("/api/v1/rapports/{id}.csv", new Context(client, REQUEST))).inconsistencies()
                .get(0).contains("differs from the JSON colonnes"));
    }

    @Test
    void xlsxReaderReadsTheTableAndReportsFormulasAndNumbersElsewhere() throws IOException {
        RESPONSES.put("json", DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}"));
        BINARIES.put("xlsx", workbook(false));
        Read read = single(SecretReaders.xlsx("/api/v1/rapports/{id}.xlsx", new Context(client, REQUEST)));
        assertEquals(List.of(), read.inconsistencies());
        assertEquals(List.of("1234", "s", "1240"), read.counts().stream().map(CellRead::text).toList());
        assertTrue(read.counts().get(1).mask());

        BINARIES.put("xlsx", workbook(true));
        List<String> inconsistencies = single(SecretReaders.xlsx("/api/v1/rapports/{id}.xlsx",
                new Context(client, REQUEST))).inconsistencies();
        assertTrue(inconsistencies.stream().anyMatch(i -> i.contains("a formula")), inconsistencies.toString());
        assertTrue(inconsistencies.stream().anyMatch(i -> i.contains("a number outside the table's lines: 7")),
                inconsistencies.toString());
    }

    @Test
    void pdfReaderReadsTableAndChartAndReportsNumbersElsewhere() throws IOException {
        RESPONSES.put("json", DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}"));
        byte[] pdf = new PdfRenderer().bytes(documentTable());
        BINARIES.put("pdf", pdf);
        List<Read> reads = SecretReaders.pdf("/api/v1/rapports/{id}.pdf", new Context(client, REQUEST));
        reads.forEach(r -> assertEquals(List.of(), r.inconsistencies(), r.format()));
        assertEquals(List.of(SecretReaders.PDF_TABLE, SecretReaders.PDF_CHART), reads.stream().map(Read::format).toList());
        assertEquals(Arrays.asList("1234", null, "1240"), values(reads.get(0)));
        assertTrue(reads.get(0).counts().get(1).mask());
        assertEquals(Arrays.asList("1234", null), values(reads.get(1)), "the chart: the main count of each category");
        assertTrue(reads.get(1).counts().get(1).mask());

        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream output = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.newLineAtOffset(50, 700);
                content.showText("Effectif oublie : 7");
                content.endText();
            }
            document.save(output);
            BINARIES.put("pdf", output.toByteArray());
        }
        List<String> inconsistencies = SecretReaders.pdf("/api/v1/rapports/{id}.pdf", new Context(client, REQUEST)).stream()
                .flatMap(r -> r.inconsistencies().stream()).toList();
        assertTrue(inconsistencies.stream().anyMatch(i -> i.contains("a number outside the chart and the table: 7 in")),
                inconsistencies.toString());
    }

    @Test
    void pageReaderReadsTableChartDataAndFiguresInDataAttributes() {
        String document = DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}");
        RESPONSES.put("json", document);
        RESPONSES.put("page", PAGE.formatted("data-effectif=\"7\"", document, ""));
        List<Read> read = SecretReaders.page("/rapports/{id}", new Context(client, REQUEST));

        Map<String, Read> byFormat = new HashMap<>();
        read.forEach(l -> byFormat.put(l.format(), l));
        read.forEach(l -> assertEquals(List.of(), l.inconsistencies(), l.format()));
        assertEquals(Arrays.asList("1234", null, "1240"), values(byFormat.get(SecretReaders.HTML_TABLE)));
        assertTrue(byFormat.get(SecretReaders.HTML_TABLE).counts().get(1).mask());
        assertEquals(Arrays.asList("1234", null, "1240"), values(byFormat.get(SecretReaders.HTML_CHART)));
        assertEquals(List.of("7"), values(byFormat.get(SecretReaders.HTML_ATTRIBUTES)), "a data-* attribute's figures");
    }

    @Test
    void pageReaderReportsWhatItCannotRead() {
        String document = DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}");
        RESPONSES.put("json", document);
        RESPONSES.put("page", PAGE.formatted("data-chart-max=\"\"", document,
                "<table><tr><td>3</td></tr></table><script>var n = 3;</script>"));
        List<String> inconsistencies = SecretReaders.page("/rapports/{id}", new Context(client, REQUEST)).stream()
                .flatMap(l -> l.inconsistencies().stream()).toList();

        assertTrue(inconsistencies.stream().anyMatch(i -> i.contains("2 <table> in the page")), inconsistencies.toString());
        assertTrue(inconsistencies.stream().anyMatch(i -> i.contains("an inline <script")), inconsistencies.toString());
    }

    /** The table of {@link #DOCUMENT} (with line b's count masked), as the warehouse would hand it to a renderer. */
    private static RapportTable documentTable() {
        List<Column> columns = List.of(new Column("categorie", "Âge", Column.Type.LABEL),
                new Column("effectif", "Demandes", Column.Type.COUNT), new Column("part", "Part (%)", Column.Type.PART));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("cle", "a");
        a.put("categorie", "Moins de 25 ans");
        a.put("effectif", 1234L);
        a.put("part", 5.0);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("cle", "b");
        b.put("categorie", "25 ans et plus");
        b.put("effectif", null);
        b.put("part", null);
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("cle", "total");
        total.put("categorie", "Total");
        total.put("effectif", 1240L);
        total.put("part", 100.0);
        return new RapportTable(new Rapport("TAB99-01", "99", "Demandes par âge", "Description.", "age",
                List.of(Level.COMMUNE), "bar"), new Territoire(Level.COMMUNE, "48095", "Mende"), 2024, columns,
                List.of(a, b), total, List.of(new RapportTable.Mask("b", "effectif")), List.of());
    }

    /** A workbook holding DOCUMENT's table; tampered: a formula and a count below the table. */
    private static byte[] workbook(boolean tampered) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream output = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Tableau");
            sheet.createRow(0).createCell(0).setCellValue("Demandes par âge");
            Object[][] rows = {{"Âge", "Demandes", "Part (%)"}, {"Moins de 25 ans", 1234, 5.0}, {"25 ans et plus", "s", null},
                    {"Total", 1240, 100.0}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(2 + r);
                for (int j = 0; j < rows[r].length; j++) {
                    if (rows[r][j] instanceof String text) {
                        row.createCell(j).setCellValue(text);
                    } else if (rows[r][j] instanceof Number n) {
                        row.createCell(j).setCellValue(n.doubleValue());
                    }
                }
            }
            if (tampered) {
                sheet.createRow(8).createCell(1).setCellValue(7);
                workbook.createSheet("Notes").createRow(0).createCell(0).setCellFormula("1+6");
            }
            workbook.write(output);
            return output.toByteArray();
        }
    }

    private static Read single(List<Read> reads) {
        assertEquals(1, reads.size());
        return reads.get(0);
    }

    private static List<String> values(Read read) {
        return read.counts().stream().map(c -> c.value() == null ? null : c.value().toPlainString()).toList();
    }
}
