package fr.infocentre.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.infocentre.warehouse.publication.Publication;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publication of a whole millésime ({@code ./infocentre publier}) on the generated extract
 * {@link EntrepotGenere}: one JSON and one CSV file per rapport and level, one table per
 * territory, protected as the API serves them, an index that counts them, the same bytes
 * whichever way the tables are computed.
 */
class PublicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Warehouse warehouse;
    private static int annee;
    private static Path sortie;
    private static Publication.Resume resume;
    private static String progression;

    @BeforeAll
    static void publier() throws IOException {
        warehouse = EntrepotGenere.warehouse();
        annee = EntrepotGenere.annee();
        sortie = Files.createTempDirectory("publication-");
        ByteArrayOutputStream progres = new ByteArrayOutputStream();
        resume = Publication.publier(warehouse, sortie, Publication.Options.tout(annee),
                new PrintStream(progres, true, StandardCharsets.UTF_8));
        progression = progres.toString(StandardCharsets.UTF_8);
    }

    private static Path dossier() {
        return sortie.resolve(String.valueOf(annee));
    }

    @Test
    void theIndexCountsOneTablePerTerritoryOfEveryLevelOfEveryRapport() throws IOException {
        JsonNode index = JSON.readTree(dossier().resolve("index.json").toFile());
        assertEquals(annee, index.get("annee").asInt());
        assertEquals(warehouse.catalogue().stream().map(Rapport::id).toList(), ids(index.get("rapports")));
        long attendu = 0;
        for (JsonNode r : index.get("rapports")) {
            Rapport rapport = warehouse.rapport(r.get("id").asText()).orElseThrow();
            List<String> niveaux = new ArrayList<>();
            long tablesRapport = 0;
            for (JsonNode n : r.get("niveaux")) {
                Niveau niveau = Niveau.parCle(n.get("niveau").asText()).orElseThrow();
                niveaux.add(niveau.cle());
                int territoires = warehouse.territoires(niveau).size();
                assertEquals(territoires, n.get("tables").asInt(), rapport.id() + " " + niveau);
                assertEquals(territoires, n.get("territoires").asInt());
                assertTrue(Files.isRegularFile(dossier().resolve(n.get("json").asText())));
                assertTrue(Files.isRegularFile(dossier().resolve(n.get("csv").asText())));
                tablesRapport += territoires;
            }
            assertEquals(rapport.niveaux().stream().map(Niveau::cle).toList(), niveaux);
            assertEquals(tablesRapport, r.get("tables").asLong());
            attendu += tablesRapport;
        }
        assertEquals(attendu, index.get("tables").asLong());
        assertEquals(attendu, resume.tables());
        assertEquals(40, resume.rapports());
        assertFalse(index.toString().matches(".*20\\d\\d-\\d\\d-\\d\\dT.*"), "no timestamp in the index");
    }

    @Test
    void eachJsonFileHoldsTheLevelsTablesAsTheApiServesThem() throws IOException {
        for (Rapport r : warehouse.catalogue()) {
            for (Niveau niveau : r.niveaux()) {
                JsonNode doc = JSON.readTree(fichier(r, niveau, "json").toFile());
                assertEquals(r.id(), doc.get("rapport").asText());
                assertEquals(niveau.cle(), doc.get("niveau").asText());
                assertEquals(annee, doc.get("annee").asInt());
                List<Territoire> territoires = warehouse.territoires(niveau);
                JsonNode tables = doc.get("tables");
                assertEquals(territoires.size(), tables.size(), r.id() + " " + niveau);
                for (int i = 0; i < territoires.size(); i++) {
                    JsonNode t = tables.get(i);
                    assertEquals(List.of("rapport", "titre", "territoire", "annee", "colonnes", "lignes", "total",
                            "masques", "notes"), champs(t));
                    assertEquals(territoires.get(i).code(), t.get("territoire").get("code").asText());
                    assertEquals(niveau.cle(), t.get("territoire").get("niveau").asText());
                }
            }
        }
    }

    @Test
    void publishedTablesAreTheProtectedTablesOfTheWarehouse() throws IOException {
        for (String id : List.of("TAB03-02", "TAB04-01", "TAB02-05")) {
            Rapport r = warehouse.rapport(id).orElseThrow();
            for (Niveau niveau : r.niveaux()) {
                JsonNode tables = JSON.readTree(fichier(r, niveau, "json").toFile()).get("tables");
                List<Territoire> territoires = warehouse.territoires(niveau);
                for (int i = 0; i < territoires.size(); i += Math.max(1, territoires.size() / 7)) {
                    RapportTable attendue = warehouse.calculer(id, niveau, territoires.get(i).code(), annee);
                    JsonNode t = tables.get(i);
                    assertEquals(attendue.masques().size(), t.get("masques").size(), id + " " + territoires.get(i));
                    for (int l = 0; l < attendue.lignes().size(); l++) {
                        for (Colonne c : attendue.colonnes()) {
                            Object v = attendue.lignes().get(l).get(c.cle());
                            JsonNode publie = t.get("lignes").get(l).get(c.cle());
                            String ou = id + " " + territoires.get(i) + " line " + l + " " + c.cle();
                            if (v == null) {
                                assertTrue(publie.isNull(), ou);
                            } else if (v instanceof Number n) {
                                assertEquals(n.doubleValue(), publie.asDouble(), 1e-9, ou);
                            } else {
                                assertEquals(v.toString(), publie.asText(), ou);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void eachCsvHasOneRecordPerTerritoryAndCategoryWithMaskedCellsMarkedS() throws IOException {
        long masquesCommune = 0;
        for (Rapport r : warehouse.catalogue()) {
            for (Niveau niveau : r.niveaux()) {
                JsonNode tables = JSON.readTree(fichier(r, niveau, "json").toFile()).get("tables");
                String texte = Files.readString(fichier(r, niveau, "csv"), StandardCharsets.UTF_8);
                assertTrue(texte.startsWith("\uFEFFCode territoire;Territoire;"), r.id() + " " + niveau);
                List<CSVRecord> lignes;
                try (CSVParser csv = CSVParser.parse(new StringReader(texte.substring(1)),
                        CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
                    lignes = csv.getRecords();
                }
                assertEquals(tables.get(0).get("colonnes").size() + 2, lignes.get(0).size(), "header");
                lignes = lignes.subList(1, lignes.size());
                int attendues = 0;
                long masques = 0;
                for (JsonNode t : tables) {
                    attendues += t.get("lignes").size() + (t.get("total").isNull() ? 0 : 1);
                    masques += t.get("masques").size();
                }
                assertEquals(attendues, lignes.size(), r.id() + " " + niveau + ": territory × category");
                long s = lignes.stream().flatMap(rec -> rec.toList().stream()).filter("s"::equals).count();
                assertEquals(masques, s, r.id() + " " + niveau + ": masked cells");
                assertEquals(tables.get(0).get("territoire").get("code").asText(), lignes.get(0).get(0));
                if (niveau == Niveau.COMMUNE) {
                    masquesCommune += s;
                }
            }
        }
        assertTrue(masquesCommune > 0, "a small extract has small counts to mask at commune level");
    }

    @Test
    void territoryByTerritoryWritesTheSameBytes() throws IOException {
        Path autre = Files.createTempDirectory("publication-par-territoire-");
        // territory by territory is slow: not the communes (CatalogueCompletTest compares a sample of them)
        List<String> rapports = List.of("TAB04-01", "TAB02-02");
        List<Niveau> niveaux = List.of(Niveau.NATIONAL, Niveau.REGION, Niveau.DEPARTEMENT, Niveau.EPCI);
        Publication.publier(warehouse, autre, new Publication.Options(annee, rapports, niveaux, true),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        for (String id : rapports) {
            for (Niveau niveau : niveaux) {
                for (String ext : List.of("json", "csv")) {
                    Path p = Path.of(id, niveau.cle() + "." + ext);
                    assertArrayEquals(Files.readAllBytes(dossier().resolve(p)),
                            Files.readAllBytes(autre.resolve(String.valueOf(annee)).resolve(p)), p.toString());
                }
            }
        }
    }

    @Test
    void progressNamesEachRapportAndLevel() {
        assertTrue(progression.contains("[ 1/40] TAB01-01 "), progression);
        assertTrue(progression.lines().anyMatch(l -> l.startsWith("[40/40] TAB04-16 ") && l.contains("commune ")),
                progression);
    }

    @Test
    void aYearTheDataDoesNotCoverIsRefused() {
        RequeteInvalide e = assertThrows(RequeteInvalide.class, () -> Publication.publier(warehouse,
                sortie, Publication.Options.tout(1990), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(RequeteInvalide.Cause.ANNEE_NON_COUVERTE, e.motif());
    }

    private static Path fichier(Rapport r, Niveau niveau, String extension) {
        return dossier().resolve(r.id()).resolve(niveau.cle() + "." + extension);
    }

    private static List<String> ids(JsonNode rapports) {
        List<String> ids = new ArrayList<>();
        rapports.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static List<String> champs(JsonNode objet) {
        List<String> champs = new ArrayList<>();
        objet.fieldNames().forEachRemaining(champs::add);
        return champs;
    }
}
