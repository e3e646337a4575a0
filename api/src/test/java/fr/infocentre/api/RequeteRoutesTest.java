package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.SqliteAuditLog;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;
import fr.infocentre.warehouse.restricted.RestrictedWarehouses;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The requêtes of the espace gestionnaire over the weekly warehouse of the mini extract: a gestionnaire of the
 * Alpes-Maritimes runs a requête (JSON, page with its chart's data, CSV, XLSX), saves it, runs it again, deletes
 * it; each run is in the audit log with its definition and rows. Figures as worked out by hand in the mini
 * extract's README (section 3: demandes en cours at 31 December 2024 by age, dép. 06).
 */
@ExtendWith(InfocentreServer.class)
class RequeteRoutesTest {

    static final String AGES_06 = "population=en-cours&date=2024-12-31&dimension=tranche-age&dimension=mutation&departement=06";
    private static final List<String> CSV_06 = List.of(
            "\uFEFFTranche d'âge;Demandeur déjà locataire HLM (mutation);Hors mutation;Total",
            "< 25 ans;0;2;2", "25–29 ans;1;0;1", "30–39 ans;0;2;2", "40–49 ans;1;2;3", "50–64 ans;1;1;2",
            "65–74 ans;1;1;2", "75 ans et plus;0;1;1", "Non renseigné;0;1;1", "Total;4;10;14");

    private static GestionServer server;
    private static Releases releases;
    private static WeeklyWarehouse weekly;

    @BeforeAll
    static void start(Releases given, WeeklyWarehouse warehouse) {
        releases = given;
        weekly = warehouse;
        server = GestionServer.start(releases, weekly);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRequeteAsJsonWithItsDefinitionAndRowsInTheAuditLog() {
        WebSession jdupont = server.loggedIn("jdupont");
        HttpResponse<String> answer = jdupont.get("/api/v1/gestion/requetes/resultat?" + AGES_06);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode r = Client.read(answer.body());
        assertEquals("Demandes en cours au 31/12/2024 par tranche d'âge du demandeur et par mutation / hors mutation",
                r.get("titre").asText());
        List<String> lines = new ArrayList<>();
        r.get("lignes").forEach(l -> lines.add(l.get("cle").asText() + "=" + l.get("effectifs").get(0) + "/"
                + l.get("effectifs").get(1) + ":" + l.get("total")));
        assertEquals(List.of("MOINS_25=0/2:2", "25_29=1/0:1", "30_39=0/2:2", "40_49=1/2:3", "50_64=1/1:2", "65_74=1/1:2",
                "75_PLUS=0/1:1", "NON_RENSEIGNE=0/1:1"), lines);
        assertEquals("[4,10]", r.get("totaux").get("effectifs").toString());
        assertEquals(14, r.get("totaux").get("total").asLong());
        assertEquals("stacked-bar", r.get("graphique").asText());
        assertEquals("MUTATION", r.get("colonnes").get(0).get("cle").asText());
        assertEquals("2025-01-15", r.get("date_donnees").asText());
        assertEquals("/api/v1/gestion/requetes/resultat.csv?" + AGES_06 + "&associations=exclues",
                r.get("liens").get("csv").asText());

        AuditEntry entry = newest();
        assertEquals("jdupont", entry.login());
        assertEquals("exécution de requête", entry.action());
        assertEquals("GET /api/v1/gestion/requetes/resultat", entry.route());
        assertEquals(8L, entry.rows());
        assertEquals(200, entry.status());
        assertEquals(List.of("tranche-age", "mutation"), entry.parameters().get("requete.dimension"));
        assertEquals(List.of("06"), entry.parameters().get("requete.departement"));
        assertEquals(List.of("exclues"), entry.parameters().get("requete.associations"));
    }

    @Test
    void downloadsAsCsvAndXlsxAreExports() throws Exception {
        WebSession jdupont = server.loggedIn("jdupont");
        HttpResponse<byte[]> csv = jdupont.bytes("/api/v1/gestion/requetes/resultat.csv?" + AGES_06);
        assertEquals(200, csv.statusCode());
        assertEquals("attachment; filename=\"requete_en-cours_2024-12-31_tranche-age_mutation.csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(CSV_06, List.of(new String(csv.body(), StandardCharsets.UTF_8).split("\r\n")));
        assertEquals("export", newest().action());
        assertEquals(8L, newest().rows());

        HttpResponse<byte[]> xlsx = jdupont.bytes("/api/v1/gestion/requetes/resultat.xlsx?" + AGES_06);
        assertEquals(200, xlsx.statusCode());
        assertEquals("attachment; filename=\"requete_en-cours_2024-12-31_tranche-age_mutation.xlsx\"",
                xlsx.headers().firstValue("Content-Disposition").orElseThrow());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("Tableau");
            assertEquals("Demandes en cours au 31/12/2024 par tranche d'âge du demandeur et par mutation / hors mutation",
                    sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Département : 06 – Alpes-Maritimes", sheet.getRow(1).getCell(0).getStringCellValue());
            List<String> rows = new ArrayList<>();
            boolean table = false;
            for (Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Tranche d'âge")) {
                    table = true;
                    continue;
                }
                if (table && row.getCell(1) != null) {
                    rows.add(row.getCell(0).getStringCellValue() + ";" + (long) row.getCell(1).getNumericCellValue() + ";"
                            + (long) row.getCell(2).getNumericCellValue() + ";" + (long) row.getCell(3).getNumericCellValue());
                }
            }
            assertEquals(CSV_06.subList(1, CSV_06.size()), rows);
            assertTrue(workbook.getSheet("Définitions et notes") != null);
        }
        assertEquals("export", newest().action());
    }

    @Test
    void theBuilderAndTheResultPage() {
        WebSession jdupont = server.loggedIn("jdupont");
        HttpResponse<String> builder = jdupont.get("/gestion/requetes");
        assertEquals(200, builder.statusCode());
        String page = builder.body();
        assertTrue(page.contains("value=\"06\" checked> 06 – Alpes-Maritimes"), "its one département, checked");
        assertFalse(page.contains("value=\"69\""), "not another département of the data");
        assertTrue(page.contains("G06001 – Ville de Nice - service logement"), "its guichets");
        assertFalse(page.contains("G69001"));
        assertTrue(page.contains("<option value=\"reservataire\" data-populations=\"satisfaites\">Réservataire</option>"), page);
        assertTrue(page.contains("name=\"filtre\" value=\"canal:PGP\""));
        assertTrue(page.contains("href=\"/gestion/requetes\">Requêtes</a>"), "in the espace's navigation");
        assertTrue(page.contains("interrompue au bout de 10 secondes et ne peut dépasser 10 000 lignes")
                || page.contains("interrompue au bout de 10 secondes et ne peut dépasser 10\u00a0000 lignes")
                || page.contains("interrompue au bout de 10 secondes et ne peut dépasser 10\u202f000 lignes"), page);

        HttpResponse<String> result = jdupont.get("/gestion/requetes/resultat?" + AGES_06);
        assertEquals(200, result.statusCode(), result.body());
        String html = result.body();
        assertTrue(html.contains("<tr><th scope=\"row\">40–49 ans</th><td class=\"number\">1</td><td class=\"number\">2</td>"
                + "<td class=\"number\">3</td></tr>"), html);
        assertTrue(html.contains("<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"number\">4</td>"
                + "<td class=\"number\">10</td><td class=\"number\">14</td></tr>"), html);
        assertTrue(html.contains("<script type=\"application/json\" id=\"requete-donnees\">{\"titre\":"), "the chart's data");
        assertTrue(html.contains("data-chart=\"stacked-bar\""));
        assertTrue(html.contains("<script src=\"/static/js/gestion-requete-graphique.js\" defer></script>"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"dimension\" value=\"mutation\">"), "the save form");
        assertTrue(html.contains("name=\"_csrf\" value=\"" + WebSession.csrf(html) + "\""));
        assertTrue(html.contains("href=\"/api/v1/gestion/requetes/resultat.xlsx?population=en-cours&amp;date=2024-12-31"));
        assertFalse(html.contains("<script>") || html.contains(" style=\""), "no inline script nor style");
        assertEquals("exécution de requête", newest().action());
        assertEquals("GET /gestion/requetes/resultat", newest().route());
    }

    @Test
    void aWrongRequeteSaysWhatIsWrong() {
        WebSession jdupont = server.loggedIn("jdupont");
        HttpResponse<String> json = jdupont.get("/api/v1/gestion/requetes/resultat?population=en-cours&dimension=couleur"
                + "&departement=06");
        assertEquals(400, json.statusCode());
        assertEquals("dimension", Client.read(json.body()).get("parametre").asText());
        assertTrue(Client.read(json.body()).get("erreur").asText().startsWith("Dimension inconnue : « couleur »"));
        HttpResponse<String> reserv = jdupont.get("/api/v1/gestion/requetes/resultat?population=en-cours"
                + "&dimension=reservataire&departement=06");
        assertEquals(400, reserv.statusCode());
        assertTrue(Client.read(reserv.body()).get("erreur").asText().contains("ne s'applique pas aux demandes en cours"));
        // the page: the builder again, filled as given, with the error
        HttpResponse<String> page = jdupont.get("/gestion/requetes/resultat?population=satisfaites&du=2024-01-01"
                + "&au=2023-01-01&dimension=qpv&departement=06&epci=200030195");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("role=\"alert\" id=\"requete-erreur\">Période vide"), page.body());
        assertTrue(page.body().contains("value=\"2024-01-01\""), "filled as given");
        assertTrue(page.body().contains("value=\"200030195\""));
        assertTrue(page.body().contains("<option value=\"qpv\" data-populations=\"satisfaites\" selected>"));
        // a département outside its scope: refused by the guard, whatever else is wrong
        assertEquals(403, jdupont.get("/api/v1/gestion/requetes/resultat?population=en-cours&dimension=canal"
                + "&departement=69").statusCode());
        assertEquals(403, jdupont.get("/gestion/requetes?departement=13").statusCode());
    }

    @Test
    void savedRequetesRunAgainAndAreDeleted() {
        WebSession jdupont = server.loggedIn("jdupont");
        int before = Client.read(jdupont.get("/api/v1/gestion/requetes/enregistrees").body()).size();
        String token = WebSession.csrf(jdupont.get("/gestion/requetes").body());
        HttpResponse<String> saved = post(jdupont, "/gestion/requetes/enregistrees", "_csrf", token,
                "nom", "Âges à Nice et Antibes", "population", "en-cours", "date", "2024-12-31", "dimension", "tranche-age",
                "dimension", "mutation", "departement", "06");
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/gestion/requetes/enregistrees/[0-9]+"), location);
        assertEquals("enregistrement de requête", newest().action());
        String id = location.substring(location.lastIndexOf('/') + 1);

        HttpResponse<String> page = jdupont.get(location);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Requête enregistrée « <strong>Âges à Nice et Antibes</strong> »"));
        assertTrue(page.body().contains("<td class=\"number\">14</td></tr>"));
        AuditEntry run = newest();
        assertEquals("exécution de requête enregistrée", run.action());
        assertEquals("GET /gestion/requetes/enregistrees/{requete}", run.route());
        assertEquals(List.of(id), run.parameters().get("requete"));
        assertEquals(List.of("tranche-age", "mutation"), run.parameters().get("requete.dimension"), "its definition");
        assertEquals(8L, run.rows());

        // the same through the API: listed, run, a second one saved, a name used twice refused
        JsonNode list = Client.read(jdupont.get("/api/v1/gestion/requetes/enregistrees").body());
        assertEquals(before + 1, list.size());
        assertEquals("Âges à Nice et Antibes", list.get(0).get("nom").asText());
        assertEquals("[\"06\"]", list.get(0).get("parametres").get("departement").toString());
        JsonNode again = Client.read(jdupont.get("/api/v1/gestion/requetes/enregistrees/" + id).body());
        assertEquals(14, again.get("resultat").get("totaux").get("total").asLong());
        String csrf = Client.read(jdupont.get("/api/v1/gestion/moi").body()).get("jeton_csrf").asText();
        String body = "nom=Attributions+2024&population=satisfaites&du=2024-01-01&au=2024-12-31&dimension=reservataire"
                + "&departement=06";
        HttpResponse<String> created = jdupont.send("POST", "/api/v1/gestion/requetes/enregistrees", body,
                "Content-Type", "application/x-www-form-urlencoded", "X-CSRF-Token", csrf);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode second = Client.read(created.body());
        assertEquals("/api/v1/gestion/requetes/enregistrees/" + second.get("id").asLong(),
                created.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> twice = jdupont.send("POST", "/api/v1/gestion/requetes/enregistrees", body,
                "Content-Type", "application/x-www-form-urlencoded", "X-CSRF-Token", csrf);
        assertEquals(400, twice.statusCode());
        assertEquals("nom", Client.read(twice.body()).get("parametre").asText());
        assertTrue(Client.read(twice.body()).get("erreur").asText().startsWith("Vous avez déjà une requête nommée"));
        HttpResponse<String> unnamed = jdupont.send("POST", "/api/v1/gestion/requetes/enregistrees",
                "population=en-cours&dimension=canal&departement=06", "Content-Type", "application/x-www-form-urlencoded",
                "X-CSRF-Token", csrf);
        assertEquals(400, unnamed.statusCode());
        HttpResponse<String> wrong = jdupont.send("POST", "/api/v1/gestion/requetes/enregistrees",
                "nom=Faux&population=en-cours&dimension=couleur&departement=06", "Content-Type",
                "application/x-www-form-urlencoded", "X-CSRF-Token", csrf);
        assertEquals(400, wrong.statusCode(), "only a requête that runs is saved");
        assertEquals(before + 2, Client.read(jdupont.get("/api/v1/gestion/requetes/enregistrees").body()).size());
        assertTrue(jdupont.get("/gestion/requetes").body().contains(">Attributions 2024</a>"), "listed in the builder");

        // deleted: through the page, then through the API
        HttpResponse<String> deleted = jdupont.post(location + "/suppression", WebSession.fields("_csrf", token));
        assertEquals(303, deleted.statusCode());
        assertEquals("/gestion/requetes", deleted.headers().firstValue("Location").orElseThrow());
        assertEquals("suppression de requête", newest().action());
        assertEquals(404, jdupont.get(location).statusCode());
        assertEquals(204, jdupont.send("DELETE", "/api/v1/gestion/requetes/enregistrees/" + second.get("id").asLong(), null,
                "X-CSRF-Token", csrf).statusCode());
        assertEquals(before, Client.read(jdupont.get("/api/v1/gestion/requetes/enregistrees").body()).size());
        assertEquals(403, jdupont.send("DELETE", "/api/v1/gestion/requetes/enregistrees/1", null).statusCode(),
                "no CSRF token");
    }

    @Test
    void aSavedRequeteIsItsOwnersAlone() {
        WebSession jdupont = server.loggedIn("jdupont");
        String token = WebSession.csrf(jdupont.get("/gestion/requetes").body());
        String location = jdupont.post("/gestion/requetes/enregistrees", WebSession.fields("_csrf", token, "nom",
                "Canal", "population", "en-cours", "dimension", "canal", "departement", "06")).headers()
                .firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        // the État of région 93 covers the Alpes-Maritimes, but not jdupont's requêtes: as if they did not exist
        WebSession paca = server.loggedIn("paca");
        String csrf = Client.read(paca.get("/api/v1/gestion/moi").body()).get("jeton_csrf").asText();
        assertEquals(404, paca.get(location).statusCode());
        assertEquals(404, paca.get("/api/v1/gestion/requetes/enregistrees/" + id).statusCode());
        assertEquals(404, paca.send("DELETE", "/api/v1/gestion/requetes/enregistrees/" + id, null, "X-CSRF-Token", csrf)
                .statusCode());
        assertEquals(0, Client.read(paca.get("/api/v1/gestion/requetes/enregistrees").body()).size());
        assertEquals(200, jdupont.get(location).statusCode(), "still there");
        assertEquals(403, server.loggedIn("admin").get("/gestion/requetes").statusCode(), "not a role of the requêtes");
        jdupont.post(location + "/suppression", WebSession.fields("_csrf", token));
    }

    @Test
    void aSavedRequeteRunsWithinItsOwnersRightsOfTheDay() throws Exception {
        AccountFixtures.gestionnaire(server.accounts, "mute", "06");
        WebSession mute = server.loggedIn("mute");
        String token = WebSession.csrf(mute.get("/gestion/requetes").body());
        String location = mute.post("/gestion/requetes/enregistrees", WebSession.fields("_csrf", token, "nom",
                "Motifs", "population", "en-cours", "dimension", "motif", "departement", "06")).headers()
                .firstValue("Location").orElseThrow();
        assertEquals(200, mute.get(location).statusCode());
        // moved to the Rhône: its requête on the Alpes-Maritimes no longer runs, by the page or the API
        try (Connection c = server.accounts.database().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE account_territories SET code = '69' WHERE login = 'mute'");
        }
        HttpResponse<String> page = mute.get(location);
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("Accès refusé : le département 06"), page.body());
        assertEquals(403, mute.get("/api/v1/gestion/requetes/enregistrees/" + location.substring(location.lastIndexOf('/') + 1))
                .statusCode());
        assertEquals(1, Client.read(mute.get("/api/v1/gestion/requetes/enregistrees").body()).size(), "still listed");
        assertEquals(303, mute.post(location + "/suppression", WebSession.fields("_csrf", token)).statusCode(),
                "and its owner may delete it");
    }

    @Test
    void theOptionsAreThoseOfTheAccountsTerritories() {
        JsonNode jdupont = Client.read(server.loggedIn("jdupont").get("/api/v1/gestion/requetes/options").body());
        assertEquals("2025-01-15", jdupont.get("date_donnees").asText());
        assertEquals("2023-01-01", jdupont.get("historique_depuis").asText());
        assertEquals("[{\"code\":\"06\",\"nom\":\"Alpes-Maritimes\"}]", jdupont.get("departements").toString());
        List<String> guichets = new ArrayList<>();
        jdupont.get("guichets").forEach(g -> guichets.add(g.get("code").asText()));
        assertEquals(List.of("B06001", "G06001"), guichets, "the guichets of the Alpes-Maritimes");
        assertEquals(10.0, jdupont.get("limites").get("duree_max_secondes").asDouble());
        assertEquals(10_000, jdupont.get("limites").get("lignes_max").asInt());
        JsonNode autre = Client.read(server.loggedIn("autre").get("/api/v1/gestion/requetes/options").body());
        assertEquals(0, autre.get("departements").size(), "13 is not in the data");
        assertEquals(0, autre.get("guichets").size());
    }

    @Test
    void theLimitsAnswer400And503() {
        CurrentWarehouse limited;
        try {
            System.setProperty("infocentre.requetes.max-rows", "5");
            System.setProperty("infocentre.requetes.timeout", "PT0.000000001S");
            limited = RestrictedWarehouses.follow(weekly.folder());
        } finally {
            System.clearProperty("infocentre.requetes.max-rows");
            System.clearProperty("infocentre.requetes.timeout");
        }
        try (GestionServer small = GestionServer.start(releases, limited, routes -> {
        })) {
            WebSession jdupont = small.loggedIn("jdupont");
            HttpResponse<String> rows = jdupont.get("/api/v1/gestion/requetes/resultat?population=en-cours"
                    + "&dimension=tranche-age&departement=06");
            assertEquals(400, rows.statusCode());
            assertEquals("Le résultat dépasserait 5 lignes, la limite d'une requête : choisissez des dimensions qui"
                    + " comptent moins de catégories.", Client.read(rows.body()).get("erreur").asText());
            assertEquals("dimension", Client.read(rows.body()).get("parametre").asText());
            HttpResponse<String> time = jdupont.get("/api/v1/gestion/requetes/resultat?population=en-cours"
                    + "&dimension=canal&departement=06");
            assertEquals(503, time.statusCode(), time.body());
            assertTrue(Client.read(time.body()).get("erreur").asText().startsWith("La requête a été interrompue"));
            HttpResponse<String> page = jdupont.get("/gestion/requetes/resultat?population=en-cours&dimension=canal"
                    + "&departement=06");
            assertEquals(503, page.statusCode());
            assertTrue(page.body().contains("La requête a été interrompue"), "the builder with the error");
            assertEquals(503, small.accounts.audit().newestFirst(0, 1).get(0).entry().status(), "recorded as answered");
        }
    }

    /** A form posted with its fields in order, a name repeated for several values (as a browser posts a form). */
    static HttpResponse<String> post(WebSession browser, String path, String... nameValue) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            pairs.add(java.net.URLEncoder.encode(nameValue[i], StandardCharsets.UTF_8) + "="
                    + java.net.URLEncoder.encode(nameValue[i + 1], StandardCharsets.UTF_8));
        }
        return browser.send("POST", path, String.join("&", pairs), "Content-Type", "application/x-www-form-urlencoded");
    }

    private static AuditEntry newest() {
        List<SqliteAuditLog.Stored> entries = server.accounts.audit().newestFirst(0, 1);
        return entries.get(0).entry();
    }
}
