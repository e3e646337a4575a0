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

@ExtendWith(InfocentreServeur.class)
class RapportRoutesTest {

    private final Client client;

    RapportRoutesTest(Client client) {
        this.client = client;
    }

    @Test
    void nationalRapportHasTheDocumentedShape() {
        String id = Echantillons.rapportSerie03(client).get("id").asText();
        JsonNode annees = client.json("/api/v1/millesimes");

        JsonNode doc = client.json("/api/v1/rapports/" + id);

        verifierForme(doc, id);
        assertEquals("national", doc.at("/territoire/niveau").asText());
        assertEquals("FR", doc.at("/territoire/code").asText());
        assertEquals(annees.get(annees.size() - 1).asInt(), doc.get("annee").asInt(), "defaults to the latest millésime");
        assertTrue(doc.hasNonNull("total"), "a series 03 rapport has a total");
    }

    @Test
    void departementRapportHasTheDocumentedShapeAndMaskedCellsAreNullAndListed() {
        String id = Echantillons.rapportSerie03(client).get("id").asText();
        String code = Echantillons.premierDepartement(client);

        JsonNode doc = client.json("/api/v1/rapports/" + id + "?niveau=departement&code=" + code);

        verifierForme(doc, id);
        assertEquals("departement", doc.at("/territoire/niveau").asText());
        assertEquals(code, doc.at("/territoire/code").asText());
        assertFalse(doc.at("/territoire/nom").asText().isBlank());
        for (JsonNode masque : doc.get("masques")) {
            JsonNode ligne = ligne(doc, masque.get("ligne").asText());
            assertTrue(ligne.get(masque.get("colonne").asText()).isNull(), "masked cell not null: " + masque);
        }
    }

    @Test
    void csvHoldsTheSameFiguresAsJsonWithSForMaskedCells() throws IOException {
        String departement = Echantillons.premierDepartement(client);
        for (JsonNode rapport : Echantillons.rapports(client)) {
            String id = rapport.get("id").asText();
            comparerCsvEtJson(id, "");
            if (Echantillons.publie(rapport, "departement")) {
                comparerCsvEtJson(id, "?niveau=departement&code=" + departement);
            }
        }
    }

    @Test
    void csvIsAnAttachmentNamedAfterRapportTerritoireAndYear() {
        String id = Echantillons.rapportSerie03(client).get("id").asText();
        String code = Echantillons.premierDepartement(client);
        JsonNode annees = client.json("/api/v1/millesimes");
        int annee = annees.get(0).asInt();

        HttpResponse<String> csv = client.get("/api/v1/rapports/" + id + ".csv?niveau=departement&code=" + code + "&annee=" + annee);

        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("attachment; filename=\"" + id + "_departement_" + code + "_" + annee + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
    }

    private static void verifierForme(JsonNode doc, String id) {
        for (String champ : List.of("rapport", "titre", "territoire", "annee", "colonnes", "lignes", "total", "masques", "notes")) {
            assertTrue(doc.has(champ), "missing " + champ + " in " + doc);
        }
        assertEquals(id, doc.get("rapport").asText());
        JsonNode colonnes = doc.get("colonnes");
        assertTrue(colonnes.size() >= 2, colonnes.toString());
        assertEquals("LIBELLE", colonnes.get(0).get("type").asText(), "first column: the category label");
        assertEquals("EFFECTIF", colonnes.get(1).get("type").asText(), "second column: the main count");
        colonnes.forEach(c -> assertTrue(c.hasNonNull("cle") && c.hasNonNull("libelle"), c.toString()));
        assertFalse(doc.get("lignes").isEmpty());
        for (JsonNode ligne : doc.get("lignes")) {
            assertTrue(ligne.get(colonnes.get(0).get("cle").asText()).isTextual(), ligne.toString());
            JsonNode effectif = ligne.get(colonnes.get(1).get("cle").asText());
            assertTrue(effectif.isIntegralNumber() || effectif.isNull(), ligne.toString());
        }
        assertTrue(doc.get("masques").isArray() && doc.get("notes").isArray());
    }

    private void comparerCsvEtJson(String id, String requete) throws IOException {
        JsonNode doc = client.json("/api/v1/rapports/" + id + requete);
        HttpResponse<String> reponse = client.get("/api/v1/rapports/" + id + ".csv" + requete);
        assertEquals(200, reponse.statusCode(), reponse.body());
        List<CSVRecord> enregistrements = lireCsv(reponse.body());

        List<String> libelles = new ArrayList<>();
        doc.get("colonnes").forEach(c -> libelles.add(c.get("libelle").asText()));
        assertEquals(libelles, enregistrements.get(0).toList(), "header");

        List<JsonNode> lignes = new ArrayList<>();
        doc.get("lignes").forEach(lignes::add);
        if (doc.hasNonNull("total")) {
            lignes.add(doc.get("total"));
        }
        assertEquals(lignes.size(), enregistrements.size() - 1, id + requete + ": one CSV line per JSON line, total included");
        Set<String> masques = new HashSet<>();
        doc.get("masques").forEach(m -> masques.add(m.get("ligne").asText() + "/" + m.get("colonne").asText()));
        Set<String> masquesVus = new HashSet<>();
        for (int i = 0; i < lignes.size(); i++) {
            CSVRecord csv = enregistrements.get(i + 1);
            for (int c = 1; c < libelles.size(); c++) {
                String cle = doc.at("/colonnes/" + c + "/cle").asText();
                JsonNode valeur = lignes.get(i).get(cle);
                String cellule = csv.get(c);
                String ou = id + requete + " line " + (i + 1) + " column " + libelles.get(c);
                if (masques.contains(lignes.get(i).get("cle").asText() + "/" + cle)) {
                    assertTrue(valeur.isNull(), ou + ": a masked cell is null in JSON");
                    assertEquals("s", cellule, ou);
                    masquesVus.add(ou);
                } else if (valeur.isNull()) {
                    assertEquals("", cellule, ou + ": a figure that does not exist is left empty, not marked s");
                } else {
                    assertEquals(0, valeur.decimalValue().compareTo(new BigDecimal(cellule.replace(',', '.'))), ou + ": " + cellule);
                }
            }
        }
        assertEquals(doc.get("masques").size(), masquesVus.size(), id + requete + ": every masked cell listed once");
    }

    private static List<CSVRecord> lireCsv(String texte) throws IOException {
        assertTrue(texte.startsWith("\uFEFF"), "UTF-8 byte order mark for spreadsheets");
        try (CSVParser parser = CSVParser.parse(new StringReader(texte.substring(1)),
                CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            return parser.getRecords();
        }
    }

    private static JsonNode ligne(JsonNode doc, String categorie) {
        if (categorie.equals("total")) {
            return doc.get("total");
        }
        for (JsonNode ligne : doc.get("lignes")) {
            if (ligne.get("cle").asText().equals(categorie)) {
                return ligne;
            }
        }
        throw new AssertionError("masque on an unknown line: " + categorie);
    }
}
