package fr.infocentre.api;

import fr.infocentre.api.render.Downloads;


import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The XLSX and PDF downloads of a rapport table, read back (POI; PDFBox's text extraction) and compared with
 * the JSON of the same request, over {@link GeneratedServer}'s millésime, whose tables hold masked cells next
 * to shown ones: the same figures, "s" where the JSON masks, an empty cell where a figure does not exist,
 * the same header labels, title and territory.
 */
class DownloadRoutesTest {

    private static final Pattern SHEET_NAME_FORBIDDEN = Pattern.compile("[\\[\\]:*?/\\\\]");

    private static Client client;
    private static int millesime;
    private static int firstMillesime;
    /**
     * Every rapport for Hautes-Alpes (département), a commune table with masked and shown cells, and a table of
     * the first millésime.
     */
    private static List<String> requests;

    @BeforeAll
    static void start() {
        client = GeneratedServer.started().client();
        JsonNode millesimes = client.json("/api/v1/millesimes");
        millesime = millesimes.get(millesimes.size() - 1).asInt();
        firstMillesime = millesimes.get(0).asInt();
        requests = new ArrayList<>();
        for (JsonNode rapport : Samples.rapports(client)) {
            if (Samples.published(rapport, "departement")) {
                requests.add(rapport.get("id").asText() + "?niveau=departement&code=05&annee=" + millesime);
            }
        }
        requests.add(Samples.mixed(client, "commune", millesime));
        // the first millésime: its older years are not covered, their figures do not exist (empty cells)
        requests.add("TAB02-02?niveau=departement&code=48&annee=" + firstMillesime);
    }

    @Test
    void xlsxHoldsTheFiguresOfTheJsonWithSForMaskedCells() {
        int mixedTables = 0;
        for (String request : requests) {
            mixedTables += compareXlsx(request) ? 1 : 0;
        }
        assertTrue(mixedTables >= 3, "tables compared holding both masked and shown counts: " + mixedTables);
    }

    @Test
    void pdfHoldsTheFiguresOfTheJsonWithSForMaskedCells() throws IOException {
        int mixedTables = 0;
        for (String request : requests) {
            mixedTables += comparePdf(request) ? 1 : 0;
        }
        assertTrue(mixedTables >= 3, "tables compared holding both masked and shown counts: " + mixedTables);
    }

    @Test
    void downloadsAreAttachmentsNamedLikeTheCsv() {
        String request = "TAB03-02?niveau=departement&code=05&annee=" + millesime;
        for (String[] format : new String[][] {
                {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, {"pdf", "application/pdf"}}) {
            HttpResponse<byte[]> response = client.bytes("/api/v1/rapports/" + request.replace("?", "." + format[0] + "?"));
            assertEquals(200, response.statusCode());
            assertEquals(format[1], response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("attachment; filename=\"TAB03-02_departement_05_" + millesime + "." + format[0] + "\"",
                    response.headers().firstValue("Content-Disposition").orElseThrow());
        }
    }

    @Test
    void downloadsAnswerRequestErrorsLikeTheJson() {
        for (String format : List.of("xlsx", "pdf")) {
            assertEquals(404, client.get("/api/v1/rapports/TAB99-99." + format).statusCode());
            assertEquals(400, client.get("/api/v1/rapports/TAB03-02." + format + "?niveau=canton&code=05").statusCode());
            assertEquals(404, client.get("/api/v1/rapports/TAB03-02." + format + "?niveau=departement&code=99").statusCode());
        }
    }

    @Test
    void pdfIsA4WithAnEmbeddedUnicodeFontAndPageNumbersAndRepeatsTheHeaderOnEachPage() throws IOException {
        int longest = 0;
        for (String request : requests) {
            JsonNode doc = client.json("/api/v1/rapports/" + request);
            byte[] bytes = client.bytes(url(request, "pdf")).body();
            PdfTable pdf = read(bytes, doc);
            try (PDDocument document = Loader.loadPDF(bytes)) {
                for (PDPage page : document.getPages()) {
                    assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.01, request);
                    assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.01, request);
                }
            }
            assertFalse(pdf.fonts().isEmpty());
            pdf.fonts().forEach(f -> assertTrue(f.contains("LiberationSans") && f.endsWith("(embedded)"), request + ": " + f));
            List<String> expected = new ArrayList<>();
            for (int k = 1; k <= pdf.pages(); k++) {
                expected.add(doc.path("rapport").asText() + " – " + territoire(doc) + " – " + doc.path("annee").asText()
                        + " page " + k + " / " + pdf.pages());
            }
            assertEquals(expected, pdf.footers(), request);
            Set<Integer> tablePages = new HashSet<>();
            pdf.table().forEach(l -> tablePages.add(l.page()));
            assertEquals(tablePages.size(), pdf.headerRepeats(), request + ": the header on every page of the table");
            longest = Math.max(longest, tablePages.size());
        }
        System.out.println("DownloadRoutesTest: the longest table spans " + longest + " PDF pages");
    }

    // ---------------------------------------------------------------- XLSX

    /** Compares one request's XLSX with its JSON; says whether the table holds masked and shown counts. */
    private static boolean compareXlsx(String request) {
        JsonNode doc = client.json("/api/v1/rapports/" + request);
        HttpResponse<byte[]> response = client.bytes(url(request, "xlsx"));
        assertEquals(200, response.statusCode(), request);
        List<String> labels = labels(doc);
        XlsxTable xlsx = XlsxTable.read(response.body(), labels);
        assertEquals(List.of(), xlsx.inconsistencies(), request);

        assertEquals(List.of("Tableau", "Définitions et notes"), xlsx.sheets());
        xlsx.sheets().forEach(s -> assertTrue(s.length() <= 31 && !SHEET_NAME_FORBIDDEN.matcher(s).find(), s));
        assertEquals(doc.path("titre").asText(), xlsx.heading().get(0), request + ": title first");
        assertTrue(xlsx.heading().contains(territoire(doc)), request + ": territory in " + xlsx.heading());
        assertTrue(xlsx.heading().contains("Millésime : " + doc.path("annee").asText()), request + ": " + xlsx.heading());
        assertTrue(xlsx.heading().contains(note(doc, "Source : SNE, extraction du ")), request + ": " + xlsx.heading());
        assertEquals(xlsx.headerRow() + 1, xlsx.frozenRows(), request + ": rows frozen down to the header");
        for (int j = 0; j < labels.size(); j++) {
            assertTrue(XlsxTable.read(xlsx.table().getRow(xlsx.headerRow()).getCell(j)).bold(), request + ": bold header");
            assertTrue(xlsx.table().getColumnWidth(j) != xlsx.table().getDefaultColumnWidth() * 256,
                    request + ": width of column " + j + " set");
        }

        List<JsonNode> lines = lines(doc);
        assertEquals(lines.size(), xlsx.lines().size(), request + ": one row per JSON line, total included");
        Set<String> masks = masks(doc);
        boolean masked = false;
        boolean shown = false;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            boolean total = doc.hasNonNull("total") && i == lines.size() - 1;
            XlsxTable.Line row = xlsx.lines().get(i);
            assertEquals(total ? "Total" : line.path(doc.at("/colonnes/0/cle").asText()).asText(), row.label(), request);
            for (int j = 1; j < labels.size(); j++) {
                String key = doc.at("/colonnes/" + j + "/cle").asText();
                String type = doc.at("/colonnes/" + j + "/type").asText();
                XlsxTable.Read cell = row.cells().get(j);
                String where = request + " line « " + row.label() + " » column « " + labels.get(j) + " »";
                assertEquals(total, cell.bold(), where + ": the total line in bold");
                if (masks.contains(line.path("cle").asText() + "/" + key)) {
                    assertEquals("s", cell.text(), where);
                    assertEquals(null, cell.number(), where);
                    masked |= type.equals("EFFECTIF");
                } else if (line.path(key).isNull()) {
                    assertEquals("", cell.text(), where + ": a figure that does not exist is an empty cell");
                } else {
                    assertEquals(0, line.path(key).decimalValue().compareTo(cell.number()), where + ": " + cell.text());
                    assertEquals(type.equals("EFFECTIF") ? "#,##0" : "0.0", cell.format(), where);
                    shown |= type.equals("EFFECTIF") && line.path(key).asLong() > 10;
                }
            }
        }
        List<String> texts = xlsx.texts();
        assertTrue(texts.contains(Downloads.SIGN_MASKED) && texts.contains("s"), request + ": what s means");
        for (JsonNode note : doc.path("notes")) {
            assertTrue(texts.contains(note.asText()), request + ": note « " + note.asText() + " » in " + texts);
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains(doc.path("rapport").asText())), request + ": " + texts);
        JsonNode rapport = rapport(doc.path("rapport").asText());
        assertTrue(texts.contains(rapport.path("description").asText()), request + ": the description");
        return masked && shown;
    }

    // ---------------------------------------------------------------- PDF

    /** Compares one request's PDF with its JSON; says whether the table holds masked and shown counts. */
    private static boolean comparePdf(String request) throws IOException {
        JsonNode doc = client.json("/api/v1/rapports/" + request);
        HttpResponse<byte[]> response = client.bytes(url(request, "pdf"));
        assertEquals(200, response.statusCode(), request);
        PdfTable pdf = read(response.body(), doc);
        assertEquals(List.of(), pdf.inconsistencies(), request);
        List<String> labels = labels(doc);
        assertEquals(labels, pdf.headers(), request);
        String heading = String.join(" ", pdf.heading());
        assertTrue(heading.startsWith(doc.path("titre").asText()), request + ": title first in " + heading);
        assertTrue(heading.contains(territoire(doc)), request + ": territory in " + heading);
        assertTrue(heading.contains("Millésime : " + doc.path("annee").asText()), request + ": " + heading);
        String others = String.join(" ", pdf.others());
        for (JsonNode note : doc.path("notes")) {
            assertTrue(others.contains(note.asText()), request + ": note « " + note.asText() + " » in " + others);
        }
        assertTrue(pdf.text().contains("é") && pdf.text().contains("Millésime"), "French characters extracted as such");

        List<JsonNode> lines = lines(doc);
        assertEquals(lines.size(), pdf.table().size(), request);
        Set<String> masks = masks(doc);
        boolean masked = false;
        boolean shown = false;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            PdfTable.Line row = pdf.table().get(i);
            for (int j = 1; j < labels.size(); j++) {
                String key = doc.at("/colonnes/" + j + "/cle").asText();
                String type = doc.at("/colonnes/" + j + "/type").asText();
                String where = request + " line « " + row.label() + " » column « " + labels.get(j) + " »";
                String text = row.cells().get(j - 1);
                if (masks.contains(line.path("cle").asText() + "/" + key)) {
                    assertEquals("s", text, where);
                    masked |= type.equals("EFFECTIF");
                } else if (line.path(key).isNull()) {
                    assertEquals("", text, where + ": a figure that does not exist is left empty");
                } else {
                    checkFrench(line.path(key), type, text, where);
                    shown |= type.equals("EFFECTIF") && line.path(key).asLong() > 10;
                }
            }
        }
        String main = doc.at("/colonnes/1/cle").asText();
        assertEquals(doc.path("lignes").size(), pdf.chart().size(), request + ": one bar per category");
        for (int i = 0; i < pdf.chart().size(); i++) {
            JsonNode line = doc.path("lignes").get(i);
            String text = pdf.chart().get(i).cells().get(0);
            if (masks.contains(line.path("cle").asText() + "/" + main)) {
                assertEquals("s", text, request + " chart « " + pdf.chart().get(i).label() + " »");
            } else if (line.path(main).isNull()) {
                assertEquals("", text, request + " chart « " + pdf.chart().get(i).label() + " »");
            } else {
                checkFrench(line.path(main), "EFFECTIF", text, request + " chart « " + pdf.chart().get(i).label() + " »");
            }
        }
        return masked && shown;
    }

    /** A figure in French: grouped thousands (narrow no-break space), decimal comma, shares with one decimal. */
    private static void checkFrench(JsonNode value, String type, String text, String where) {
        assertTrue(text.matches("-?\\d{1,3}(\u202f\\d{3})*(,\\d+)?"), where + ": « " + text + " »");
        assertEquals(0, value.decimalValue().compareTo(new BigDecimal(text.replace("\u202f", "").replace(',', '.'))),
                where + ": « " + text + " » for " + value);
        if (type.equals("PART")) {
            assertTrue(text.matches(".*,\\d"), where + ": one decimal « " + text + " »");
        } else if (type.equals("EFFECTIF")) {
            assertFalse(text.contains(","), where + ": « " + text + " »");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static PdfTable read(byte[] bytes, JsonNode doc) {
        String labelKey = doc.at("/colonnes/0/cle").asText();
        List<String> categories = new ArrayList<>();
        doc.path("lignes").forEach(l -> categories.add(l.path(labelKey).asText()));
        return PdfTable.read(bytes, labels(doc), categories, doc.hasNonNull("total"));
    }

    private static String url(String request, String extension) {
        return "/api/v1/rapports/" + request.replace("?", "." + extension + "?");
    }

    private static JsonNode rapport(String id) {
        return Samples.rapports(client).stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> labels(JsonNode doc) {
        List<String> labels = new ArrayList<>();
        doc.path("colonnes").forEach(c -> labels.add(c.path("libelle").asText()));
        return labels;
    }

    private static List<JsonNode> lines(JsonNode doc) {
        List<JsonNode> lines = new ArrayList<>();
        doc.path("lignes").forEach(lines::add);
        if (doc.hasNonNull("total")) {
            lines.add(doc.get("total"));
        }
        return lines;
    }

    private static Set<String> masks(JsonNode doc) {
        Set<String> masks = new HashSet<>();
        doc.path("masques").forEach(m -> masks.add(m.path("ligne").asText() + "/" + m.path("colonne").asText()));
        return masks;
    }

    private static String note(JsonNode doc, String start) {
        for (JsonNode note : doc.path("notes")) {
            if (note.asText().startsWith(start)) {
                return note.asText();
            }
        }
        throw new AssertionError("no note « " + start + "… » in " + doc.path("notes"));
    }

    /** The territory as the files name it, from the JSON's territoire. */
    private static String territoire(JsonNode doc) {
        JsonNode t = doc.path("territoire");
        String level = t.path("niveau").asText();
        return switch (level) {
            case "national" -> t.path("nom").asText();
            case "epci" -> "EPCI : " + t.path("nom").asText() + " (code SIREN " + t.path("code").asText() + ")";
            default -> switch (level) {
                case "region" -> "Région";
                case "departement" -> "Département";
                default -> "Commune";
            } + " : " + t.path("nom").asText() + " (code INSEE " + t.path("code").asText() + ")";
        };
    }
}
