package fr.infocentre.api;

import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.RestrictedWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bilan's button in the espace: {@code GET /gestion/bilan} (the form) and {@code POST /gestion/bilan} (CSRF),
 * which answers a zip holding the PDF and the XLSX of {@code ./infocentre bilan}, audited; a semester not ended is
 * refused with its reason, another département's with 403.
 */
@ExtendWith(InfocentreServer.class)
class BilanRoutesTest {

    private static DoublonServer server;

    @BeforeAll
    static void start(Releases releases) {
        server = DoublonServer.start(releases);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> post(WebSession browser, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        String body = form.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return server.bytes(browser, HttpRequest.newBuilder(URI.create(server.base + "/gestion/bilan"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theFormOffersTheAccountsDepartementsAndTheEndedSemesters() {
        WebSession jdupont = server.loggedIn("jdupont");
        String page = jdupont.get("/gestion/bilan").body();
        assertTrue(page.contains("<form class=\"selectors box\" method=\"post\" action=\"/gestion/bilan\">"), page);
        assertTrue(page.contains("name=\"_csrf\" value=\"" + WebSession.csrf(page) + "\""));
        assertTrue(page.contains("<option value=\"06\">06 – Alpes-Maritimes</option>"));
        assertFalse(page.contains("value=\"83\""), "the Var is not jdupont's");
        assertTrue(page.contains("<option value=\"2025-S1\">1er semestre 2025 (du 01/01/2025 au 30/06/2025)</option>"));
        assertTrue(page.contains("<option value=\"2024-S1\">"));
        assertFalse(page.contains("2025-S2") || page.contains("2023-S2"), "not ended, not covered");
        assertTrue(page.contains("Données : extraction du 10/08/2025"));
    }

    @Test
    void theButtonAnswersAZipOfThePdfAndTheXlsxAndIsAudited() throws IOException {
        WebSession jdupont = server.loggedIn("jdupont");
        String token = WebSession.csrf(jdupont.get("/gestion/bilan").body());
        HttpResponse<byte[]> zip = post(jdupont, "_csrf", token, "departement", "06", "semestre", "2025-S1");
        assertEquals(200, zip.statusCode(), new String(zip.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"bilan-06-2025-S1.zip\"", zip.headers().firstValue("Content-Disposition").orElseThrow());
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals(List.of("bilan-06-2025-S1.pdf", "bilan-06-2025-S1.xlsx"), List.copyOf(files.keySet()));
        String pdf = BilanChecks.pdfText(files.get("bilan-06-2025-S1.pdf"));
        assertTrue(pdf.contains("Demandes actives à la fin du semestre 82 83 75 -1,2 9,3"), pdf);
        assertTrue(pdf.contains("Document édité le 07/12/2026."), "the server's clock: " + pdf);
        try (RestrictedWarehouse w = fr.infocentre.warehouse.restricted.RestrictedWarehouses.open(DoublonServer.warehouseDir())) {
            assertTrue(BilanChecks.checkWorkbook(files.get("bilan-06-2025-S1.xlsx"), "1er semestre 2025", w, 2024) > 60);
        }
        AuditEntry e = server.audit(1).get(0);
        assertEquals("jdupont", e.login());
        assertEquals("export", e.action());
        assertEquals("POST /gestion/bilan", e.route());
        assertEquals(List.of("2025-S1"), e.parameters().get("semestre"));
        assertFalse(e.parameters().containsKey("_csrf"), "never the token");
        assertTrue(e.rows() > 10);
    }

    @Test
    void withoutItsTokenASemesterNotEndedOrAnotherDepartementIsRefused() {
        WebSession jdupont = server.loggedIn("jdupont");
        String token = WebSession.csrf(jdupont.get("/gestion/bilan").body());
        assertEquals(403, post(jdupont, "departement", "06", "semestre", "2025-S1").statusCode(), "no CSRF token");
        assertEquals(403, post(jdupont, "_csrf", "x" + token, "departement", "06", "semestre", "2025-S1").statusCode());
        HttpResponse<byte[]> running = post(jdupont, "_csrf", token, "departement", "06", "semestre", "2025-S2");
        assertEquals(400, running.statusCode());
        String message = new String(running.body(), StandardCharsets.UTF_8);
        assertTrue(message.contains("Semestre 2025-S2 non achevé : les données s&#39;arrêtent à l&#39;extraction du 10/08/2025")
                || message.contains("Semestre 2025-S2 non achevé : les données s'arrêtent à l'extraction du 10/08/2025"), message);
        assertEquals(400, post(jdupont, "_csrf", token, "departement", "06", "semestre", "2025-13").statusCode());
        assertEquals(400, post(jdupont, "_csrf", token, "departement", "06").statusCode(), "no semester");
        assertEquals(403, post(jdupont, "_csrf", token, "departement", "83", "semestre", "2025-S1").statusCode());
        assertEquals(400, post(jdupont, "_csrf", token, "semestre", "2025-S1").statusCode(), "a required département");
        WebSession paca = server.loggedIn("paca");
        String pacaToken = WebSession.csrf(paca.get("/gestion/bilan").body());
        HttpResponse<byte[]> var = post(paca, "_csrf", pacaToken, "departement", "83", "semestre", "2024-S2");
        assertEquals(200, var.statusCode(), "the Var for the région's État account");
        assertEquals("attachment; filename=\"bilan-83-2024-S2.zip\"", var.headers().firstValue("Content-Disposition").orElseThrow());
    }
}
