package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.accounts.cli.AccountCommand;
import fr.infocentre.api.accounts.cli.PasswordSource;
import fr.infocentre.api.security.RestrictedRoutes;
import fr.infocentre.etl.CommandRun;
import fr.infocentre.warehouse.Releases;
import io.javalin.router.Endpoint;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The doublons of the espace ({@code /gestion/doublons}, its JSON twin and XLSX export) over the hand-written extract
 * "doublons" ({@code attendus-doublons-bilan.md}, section 2): what they show, that every request is in the audit log
 * with the demandes it returned, and that they refuse whoever does not cover the département.
 */
@ExtendWith(InfocentreServer.class)
class DoublonRoutesTest {

    private static DoublonServer server;

    @BeforeAll
    static void start(Releases releases) {
        server = DoublonServer.start(releases);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePageShowsTheGroupsTheCountPerGuichetAndTheFieldsThatDiffer() {
        WebSession jdupont = server.loggedIn("jdupont");
        HttpResponse<String> page = jdupont.get("/gestion/doublons?departement=06");
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("<h1>Doublons potentiels – Alpes-Maritimes (06)</h1>"), body);
        assertTrue(body.contains("7 groupes, 15 demandes"));
        assertTrue(body.contains("Demandes actives le 10/08/2025"));
        List<String> groups = all(body, "<h3>Groupe \\d+ – demandeur ([^ <]+)");
        assertEquals(List.of("H-T1", "H-Q1", "H-P1", "H-P2", "H-P3", "H-P4", "H-P5"), groups);
        assertTrue(body.contains("<h3>Groupe 1 – demandeur H-T1 – plusieurs guichets (B06002, C06003)</h3>"));
        // H-T1: the guichet and the canal differ, the dates do not
        String t1 = body.substring(body.indexOf("demandeur H-T1"), body.indexOf("demandeur H-Q1"));
        assertTrue(t1.contains("<th scope=\"col\" class=\"differe\">Guichet</th>"), t1);
        assertTrue(t1.contains("<th scope=\"col\" class=\"differe\">Canal de dépôt</th>"), t1);
        assertTrue(t1.contains("<th scope=\"col\">Date de dépôt</th>"), t1);
        assertTrue(t1.contains("<td class=\"differe\">PGP</td>"), t1);
        assertTrue(t1.contains("<td>01/03/2023</td>"), t1);
        assertTrue(t1.contains("<span class=\"differe\">Pièces justificatives</span>"), t1);
        // the count per guichet: B06001 11 + 1 (D06-Y01, a group of the Var) = 12, rapport 06's indicator 16
        assertTrue(body.matches("(?s).*<th scope=\"row\">B06001</th>\\s*<td>Azur Habitat</td>\\s*<td class=\"number\">11</td>"
                + "\\s*<td class=\"number\">1</td>\\s*<td class=\"number\">12</td>.*"), body);
        assertFalse(body.contains("D06-A07") || body.contains("D06-A08") || body.contains("D06-Y01"), "not doublons of 06");
        assertTrue(body.contains("<a href=\"/gestion/doublons\">Doublons</a>"), "the navigation of a space served with figures");
        assertTrue(body.contains("/api/v1/gestion/doublons.xlsx?departement=06"));

        AuditEntry e = server.audit(1).get(0);
        assertEquals("jdupont", e.login());
        assertEquals("recherche de doublons", e.action());
        assertEquals("GET /gestion/doublons", e.route());
        assertEquals(15L, e.rows());
        assertEquals(List.of("06"), e.parameters().get("departement"));
    }

    @Test
    void withoutADepartementThePageOffersTheAccountsOnesAndShowsNoDemande() {
        WebSession paca = server.loggedIn("paca");
        String body = paca.get("/gestion/doublons").body();
        assertTrue(body.contains("<option value=\"06\">06 – Alpes-Maritimes</option>"), body);
        assertTrue(body.contains("<option value=\"83\">83 – Var</option>"), body);
        assertFalse(body.contains("D06-"));
        assertEquals(0L, server.audit(1).get(0).rows());
        assertTrue(server.loggedIn("jdupont").get("/gestion/doublons").body().matches(
                "(?s)(?!.*value=\"83\").*<option value=\"06\">.*"), "a gestionnaire of 06 is offered 06 only");
    }

    @Test
    void aGuichetFilterListsItsGroups() {
        String body = server.loggedIn("jdupont").get("/gestion/doublons?departement=06&guichet=C06003").body();
        assertEquals(List.of("H-T1"), all(body, "<h3>Groupe \\d+ – demandeur ([^ <]+)"));
        assertTrue(body.contains("1 groupe, 3 demandes – groupes comptant une demande du guichet C06003"));
    }

    @Test
    void theJsonTwinGivesTheSameGroupsAndCounts() {
        WebSession jdupont = server.loggedIn("jdupont");
        JsonNode doc = Client.read(jdupont.get("/api/v1/gestion/doublons?departement=06").body());
        assertEquals("2025-08-10", doc.get("date_donnees").asText());
        assertEquals(7, doc.get("groupes_total").asInt());
        assertEquals(15, doc.get("demandes_total").asInt());
        assertFalse(doc.get("tronque").asBoolean());
        JsonNode t1 = doc.get("groupes").get(0);
        assertEquals("H-T1", t1.get("id_demandeur").asText());
        assertEquals("[\"B06002\",\"C06003\"]", t1.get("guichets").toString());
        assertEquals("D06-A33", t1.get("demandes").get(1).get("numero_unique").asText());
        assertEquals("PGP", t1.get("demandes").get(1).get("valeurs").get("canal").asText());
        assertEquals("2023-03-01", t1.get("demandes").get(1).get("valeurs").get("date_depot").asText());
        assertTrue(t1.get("champs_differents").toString().contains("\"canal\""));
        JsonNode b06001 = doc.get("par_guichet").get(0);
        assertEquals("B06001", b06001.get("code").asText());
        assertEquals(11, b06001.get("dans_les_groupes_du_departement").asInt());
        assertEquals(1, b06001.get("dans_des_groupes_d_autres_departements").asInt());
        assertEquals(12, b06001.get("indicateur_16").asInt());
        assertEquals("recherche de doublons", server.audit(1).get(0).action());

        JsonNode five = Client.read(jdupont.get("/api/v1/gestion/doublons?departement=06&limite=5").body());
        assertTrue(five.get("tronque").asBoolean());
        assertEquals(2, five.get("groupes").size());
        assertEquals(5L, server.audit(1).get(0).rows());
        for (String wrong : List.of("0", "abc", "5001", "-1")) {
            HttpResponse<String> refused = jdupont.get("/api/v1/gestion/doublons?departement=06&limite=" + wrong);
            assertEquals(400, refused.statusCode(), wrong);
            assertEquals("limite", Client.read(refused.body()).get("parametre").asText(), refused.body());
        }
        HttpResponse<String> var = server.loggedIn("varois").get("/api/v1/gestion/doublons?departement=83");
        JsonNode y1 = Client.read(var.body()).get("groupes").get(0);
        assertEquals("H-Y1", y1.get("id_demandeur").asText());
        assertEquals("06", Client.read(var.body()).get("par_guichet").get(1).get("departement").asText());
        assertTrue(Client.read(var.body()).get("par_guichet").get(1).get("indicateur_16").isNull(),
                "B06001 is a guichet of 06: its indicator 16 is 06's");
    }

    @Test
    void theExportListsEveryDemandeItsGroupAndTheFieldsThatDiffer() throws IOException {
        WebSession jdupont = server.loggedIn("jdupont");
        HttpResponse<byte[]> xlsx = server.getBytes(jdupont, "/api/v1/gestion/doublons.xlsx?departement=06");
        assertEquals(200, xlsx.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"doublons-06-2025-08-10.xlsx\"",
                xlsx.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("no-store", xlsx.headers().firstValue("Cache-Control").orElseThrow());
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet demandes = workbook.getSheet("Doublons");
            List<Row> rows = new ArrayList<>();
            for (Row row : demandes) {
                if (row.getRowNum() > 4) {
                    rows.add(row);
                }
            }
            assertEquals(15, rows.size());
            assertEquals(1, (int) rows.get(0).getCell(0).getNumericCellValue());
            assertEquals("H-T1", rows.get(0).getCell(1).getStringCellValue());
            assertEquals("D06-A22", rows.get(0).getCell(2).getStringCellValue());
            Row a33 = rows.get(1);
            assertEquals("D06-A33", a33.getCell(2).getStringCellValue());
            Row header = demandes.getRow(4);
            int canal = column(header, "Canal de dépôt");
            int depot = column(header, "Date de dépôt");
            assertEquals("PGP", a33.getCell(canal).getStringCellValue());
            assertEquals("01/03/2023", a33.getCell(depot).getStringCellValue());
            assertTrue(workbook.getFontAt(a33.getCell(canal).getCellStyle().getFontIndex()).getBold(), "differs: bold");
            assertFalse(workbook.getFontAt(a33.getCell(depot).getCellStyle().getFontIndex()).getBold());
            assertTrue(a33.getCell(4).getStringCellValue().startsWith("Guichet de rattachement, Canal de dépôt"));
            Sheet guichets = workbook.getSheet("Par guichet");
            Row b06001 = guichets.getRow(3);
            assertEquals("B06001", b06001.getCell(0).getStringCellValue());
            assertEquals(List.of(11.0, 1.0, 12.0), List.of(b06001.getCell(3).getNumericCellValue(),
                    b06001.getCell(4).getNumericCellValue(), b06001.getCell(5).getNumericCellValue()));
            assertEquals(CellType.NUMERIC, b06001.getCell(5).getCellType());
        }
        AuditEntry e = server.audit(1).get(0);
        assertEquals("export", e.action());
        assertEquals("GET /api/v1/gestion/doublons.xlsx", e.route());
        assertEquals(15L, e.rows());
    }

    @Test
    void anAccountOfAnotherDepartementIsRefusedAndSeesNothing() {
        WebSession autre = server.loggedIn("autre");
        for (String path : List.of("/gestion/doublons?departement=06", "/api/v1/gestion/doublons?departement=06",
                "/api/v1/gestion/doublons.xlsx?departement=06", "/gestion/doublons?departement=83")) {
            HttpResponse<String> answer = autre.get(path);
            assertEquals(403, answer.statusCode(), path);
            assertFalse(answer.body().contains("D06-") || answer.body().contains("H-T1"), path);
            assertEquals("refus", server.audit(1).get(0).action(), path);
        }
        HttpResponse<String> outside = autre.get("/api/v1/gestion/doublons?departement=13");
        assertEquals(404, outside.statusCode(), "13 is the account's, but outside the data");
        assertEquals("Département inconnu ou hors des données : 13", Client.read(outside.body()).get("erreur").asText());
        assertEquals(400, server.loggedIn("jdupont").get("/api/v1/gestion/doublons").statusCode(), "a required département");
        assertEquals(200, server.loggedIn("paca").get("/gestion/doublons?departement=06").statusCode(), "06 is in région 93");
        assertEquals(200, server.loggedIn("admin").get("/api/v1/gestion/doublons?departement=83").statusCode());
    }

    @Test
    void everyRouteOfDoublonsAndBilanRefusesAnonymousVisitorsOtherDepartementsAndDisabledAccounts() {
        List<String[]> routes = new ArrayList<>();
        for (var handler : server.app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = handler.endpoint;
            String path = endpoint.path;
            if (endpoint.method.isHttpMethod() && (path.startsWith("/gestion/doublons") || path.startsWith("/gestion/bilan")
                    || path.startsWith("/api/v1/gestion/doublons"))) {
                routes.add(new String[]{endpoint.method.name(), path});
            }
        }
        assertEquals(5, routes.size(), "page, JSON, XLSX of the doublons; the bilan's form and button");
        server.accounts.store().create("partant", "Partant", Role.GESTIONNAIRE,
                fr.infocentre.api.accounts.Scope.departements(server.accounts.geography(), List.of("06")),
                fr.infocentre.api.accounts.AccountFixtures.PASSWORD.toCharArray());
        WebSession partant = server.loggedIn("partant");
        String partantToken = Client.read(partant.get("/api/v1/gestion/moi").body()).get("jeton_csrf").asText();
        CommandRun disabled = CommandRun.of(AccountCommand.commandLine(PasswordSource.lines(
                new java.io.ByteArrayInputStream(new byte[0])), Clock.systemUTC()), "disable", "--accounts",
                server.folder.resolve("accounts.db").toString(), "--login", "partant");
        assertEquals(0, disabled.status(), disabled.err());
        WebSession autre = server.loggedIn("autre");
        String autreToken = Client.read(autre.get("/api/v1/gestion/moi").body()).get("jeton_csrf").asText();
        for (String[] route : routes) {
            String path = route[1] + "?departement=06";
            String what = route[0] + " " + path;
            HttpResponse<String> anonymous = send(server.browser(), route[0], path, "");
            if (route[0].equals("GET") && !RestrictedRoutes.isApi(route[1])) {
                assertEquals(303, anonymous.statusCode(), what);
            } else {
                assertEquals(401, anonymous.statusCode(), what);
            }
            HttpResponse<String> other = send(autre, route[0], route[0].equals("GET") ? path : route[1],
                    "departement=06&semestre=2025-S1", autreToken);
            assertEquals(403, other.statusCode(), what + " (autre)");
            assertFalse(other.body().contains("D06-"), what);
            HttpResponse<String> gone = send(partant, route[0], path, "departement=06&semestre=2025-S1", partantToken);
            assertTrue(gone.statusCode() == 303 || gone.statusCode() == 401, what + " (disabled) → " + gone.statusCode());
        }
    }

    private static HttpResponse<String> send(WebSession browser, String method, String path, String form, String... token) {
        if (method.equals("GET")) {
            return browser.get(path);
        }
        return browser.send(method, path, form, "Content-Type", "application/x-www-form-urlencoded",
                "X-CSRF-Token", token.length > 0 ? token[0] : "");
    }

    private static int column(Row header, String label) {
        for (Cell c : header) {
            if (label.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + label);
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

}
