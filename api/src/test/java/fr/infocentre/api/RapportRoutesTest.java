package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(InfocentreServer.class)
class RapportRoutesTest {

    private final Client client;

    RapportRoutesTest(Client client) {
        this.client = client;
    }

    @Test
    void nationalRapportHasTheDocumentedShape() {
        String id = Samples.rapportSerie03(client).get("id").asText();
        JsonNode millesimes = client.json("/api/v1/millesimes");

        JsonNode doc = client.json("/api/v1/rapports/" + id);

        checkShape(doc, id);
        assertEquals("national", doc.at("/territoire/niveau").asText());
        assertEquals("FR", doc.at("/territoire/code").asText());
        assertEquals(millesimes.get(millesimes.size() - 1).asInt(), doc.get("annee").asInt(), "defaults to the latest millésime");
        assertTrue(doc.hasNonNull("total"), "a series 03 rapport has a total");
    }

    @Test
    void departementRapportHasTheDocumentedShapeAndMaskedCellsAreNullAndListed() {
        String id = Samples.rapportSerie03(client).get("id").asText();
        String code = Samples.firstDepartement(client);

        JsonNode doc = client.json("/api/v1/rapports/" + id + "?niveau=departement&code=" + code);

        checkShape(doc, id);
        assertEquals("departement", doc.at("/territoire/niveau").asText());
        assertEquals(code, doc.at("/territoire/code").asText());
        assertFalse(doc.at("/territoire/nom").asText().isBlank());
        for (JsonNode mask : doc.get("masques")) {
            JsonNode line = line(doc, mask.get("ligne").asText());
            assertTrue(line.get(mask.get("colonne").asText()).isNull(), "masked cell not null: " + mask);
        }
    }

    @Test
    void csvHoldsTheSameFiguresAsJsonWithSForMaskedCells() throws IOException {
        String departement = Samples.firstDepartement(client);
        for (JsonNode rapport : Samples.rapports(client)) {
            String id = rapport.get("id").asText();
            compareCsvAndJson(id, "");
            if (Samples.published(rapport, "departement")) {
                compareCsvAndJson(id, "?niveau=departement&code=" + departement);
            }
        }
    }

    @Test
    void csvIsAnAttachmentNamedAfterRapportTerritoireAndYear() {
        String id = Samples.rapportSerie03(client).get("id").asText();
        String code = Samples.firstDepartement(client);
        JsonNode millesimes = client.json("/api/v1/millesimes");
        int millesime = millesimes.get(0).asInt();

        HttpResponse<String> csv = client.get("/api/v1/rapports/" + id + ".csv?niveau=departement&code=" + code + "&annee=" + millesime);

        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("attachment; filename=\"" + id + "_departement_" + code + "_" + millesime + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
    }

    private static void checkShape(JsonNode doc, String id) {
        for (String field : List.of("rapport", "titre", "territoire", "annee", "colonnes", "lignes", "total", "masques", "notes")) {
            assertTrue(doc.has(field), "missing " + field + " in " + doc);
        }
        assertEquals(id, doc.get("rapport").asText());
        JsonNode columns = doc.get("colonnes");
        assertTrue(columns.size() >= 2, columns.toString());
        assertEquals("LIBELLE", columns.get(0).get("type").asText(), "first column: the category label");
        assertEquals("EFFECTIF", columns.get(1).get("type").asText(), "second column: the main count");
        columns.forEach(c -> assertTrue(c.hasNonNull("cle") && c.hasNonNull("libelle"), c.toString()));
        assertFalse(doc.get("lignes").isEmpty());
        for (JsonNode line : doc.get("lignes")) {
            assertTrue(line.get(columns.get(0).get("cle").asText()).isTextual(), line.toString());
            JsonNode count = line.get(columns.get(1).get("cle").asText());
            assertTrue(count.isIntegralNumber() || count.isNull(), line.toString());
        }
        assertTrue(doc.get("masques").isArray() && doc.get("notes").isArray());
    }

    private void compareCsvAndJson(String id, String request) throws IOException {
        JsonNode doc = client.json("/api/v1/rapports/" + id + request);
        HttpResponse<String> response = client.get("/api/v1/rapports/" + id + ".csv" + request);
        assertEquals(200, response.statusCode(), response.body());
        List<CSVRecord> records = readCsv(response.body());

        List<String> labels = new ArrayList<>();
        doc.get("colonnes").forEach(c -> labels.add(c.get("libelle").asText()));
        assertEquals(labels, records.get(0).toList(), "header");

        List<JsonNode> lines = new ArrayList<>();
        doc.get("lignes").forEach(lines::add);
        if (doc.hasNonNull("total")) {
            lines.add(doc.get("total"));
        }
        assertEquals(lines.size(), records.size() - 1, id + request + ": one CSV line per JSON line, total included");
        Set<String> masks = new HashSet<>();
        doc.get("masques").forEach(m -> masks.add(m.get("ligne").asText() + "/" + m.get("colonne").asText()));
        Set<String> masksSeen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            CSVRecord csv = records.get(i + 1);
            for (int c = 1; c < labels.size(); c++) {
                String key = doc.at("/colonnes/" + c + "/cle").asText();
                JsonNode value = lines.get(i).get(key);
                String cell = csv.get(c);
                String or = id + request + " line " + (i + 1) + " column " + labels.get(c);
                if (masks.contains(lines.get(i).get("cle").asText() + "/" + key)) {
                    assertTrue(value.isNull(), or + ": a masked cell is null in JSON");
                    assertEquals("s", cell, or);
                    masksSeen.add(or);
                } else if (value.isNull()) {
                    assertEquals("", cell, or + ": a figure that does not exist is left empty, not marked s");
                } else {
                    assertEquals(0, value.decimalValue().compareTo(new BigDecimal(cell.replace(',', '.'))), or + ": " + cell);
                }
            }
        }
        assertEquals(doc.get("masques").size(), masksSeen.size(), id + request + ": every masked cell listed once");
    }

    private static List<CSVRecord> readCsv(String text) throws IOException {
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 byte order mark for spreadsheets");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)),
                CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            return parser.getRecords();
        }
    }

    private static JsonNode line(JsonNode doc, String category) {
        if (category.equals("total")) {
            return doc.get("total");
        }
        for (JsonNode line : doc.get("lignes")) {
            if (line.get("cle").asText().equals(category)) {
                return line;
            }
        }
        throw new AssertionError("masque on an unknown line: " + category);
    }
}
