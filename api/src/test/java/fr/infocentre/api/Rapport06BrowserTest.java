package fr.infocentre.api;

import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.SqliteAuditLog;
import fr.infocentre.warehouse.Releases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static fr.infocentre.api.Rapport06Warehouse.G1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rapport 06 in a real browser (headless Chromium, driven over the DevTools protocol), under the server's
 * Content-Security-Policy: a gestionnaire of the Alpes-Maritimes asks for the table, logs in through the form, lands
 * on it, drills down from a flagged indicator to the demandes behind it, downloads their list (the file read back
 * with POI: the hand-computed demandes of attendus-serie-06.md), and opens a guichet's months, whose charts are drawn.
 */
@ExtendWith(InfocentreServer.class)
class Rapport06BrowserTest {

    private static GestionServer server;

    @BeforeAll
    static void start(Releases releases) {
        server = GestionServer.start(releases);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGestionnaireDrillsDownFromAFlaggedIndicatorAndDownloadsTheList() throws Exception {
        Path downloads = Files.createTempDirectory("infocentre-telechargements-");
        try (DevTools page = DevTools.open()) {
            page.navigate(server.base.resolve("/gestion/rapport06?departement=06&periode=2025-T1"));
            assertEquals("/gestion/connexion", page.evaluate("location.pathname"), "sent to the login form");
            page.evaluate("document.getElementById('identifiant').value = 'jdupont';"
                    + "document.getElementById('mot_de_passe').value = '" + AccountFixtures.PASSWORD + "';"
                    + "document.querySelector('form.login-form button[type=submit]').click(); 'sent'");
            page.waitFor(() -> "/gestion/rapport06".equals(page.evaluate("location.pathname"))
                    && "complete".equals(page.evaluate("document.readyState")), "back to rapport 06 once logged in");
            assertEquals("?departement=06&periode=2025-T1", page.evaluate("location.search"));

            String text = page.evaluate("document.body.innerText");
            assertTrue(text.contains("Données au 10 avril 2025"), text);
            assertTrue(text.contains("12 valeurs hors seuil"), text);
            assertEquals("3", page.evaluate("String(document.querySelectorAll('tr[data-code=\"" + G1
                    + "\"] td.r06-flagged').length)"), "G1's flagged values (attendus-serie-06.md, section 2)");
            assertEquals(List.of(), page.cspViolations(), "the table keeps to the policy");
            assertEquals("true", page.evaluate("String(document.documentElement.scrollWidth"
                    + " <= document.documentElement.clientWidth)"), "the wide table scrolls in its box, not the page");

            // the flagged « % enregistrées plus d'un mois après le dépôt » of Azur Habitat, 28,6 %
            String flagged = "tr[data-code=\"" + G1 + "\"] td.r06-flagged[data-indicateur=\"pct_enregistrees_plus_1_mois\"]";
            assertTrue(page.evaluate("document.querySelector('" + flagged + "').innerText").startsWith("28,6"));
            assertTrue(page.evaluate("document.querySelector('" + flagged + "').title").contains("au-delà de 0 %"));
            page.evaluate("document.querySelector('" + flagged + " a').click(); 'clicked'");
            page.waitFor(() -> "/gestion/rapport06/demandes".equals(page.evaluate("location.pathname"))
                    && "complete".equals(page.evaluate("document.readyState")), "the demandes behind it");
            String list = page.evaluate("document.getElementById('r06-demandes').innerText");
            assertTrue(list.contains("06-A12") && list.contains("06-A16"), list);
            assertEquals("2", page.evaluate("String(document.querySelectorAll('#r06-demandes tbody tr').length)"));
            assertEquals(List.of(), page.cspViolations(), "the list keeps to the policy");

            allowDownloads(page, downloads);
            page.evaluate("document.getElementById('r06-xlsx').click(); 'clicked'");
            page.waitFor(() -> downloaded(downloads) != null, "the downloaded workbook");
            Path file = downloaded(downloads);
            assertEquals("TAB06-01_demandes_B06001_pct_enregistrees_plus_1_mois_2025-T1.xlsx", file.getFileName().toString());
            List<List<Object>> rows = Rapport06RoutesTest.workbookRows(Files.readAllBytes(file));
            assertEquals(List.of(List.of("Numéro unique", "Canal de dépôt", "Date de dépôt", "Date d'enregistrement",
                    "Délai (jours)"), List.of("06-A12", "GUICHET", LocalDate.of(2024, 12, 2), LocalDate.of(2025, 1, 13), 42.0),
                    List.of("06-A16", "GUICHET", LocalDate.of(2025, 1, 31), LocalDate.of(2025, 3, 1), 29.0)), rows);

            AuditEntry export = server.accounts.audit().newestFirst(0, 20).stream().map(SqliteAuditLog.Stored::entry)
                    .filter(e -> e.action().equals("export")).findFirst().orElseThrow();
            assertEquals("jdupont", export.login());
            assertEquals(2L, export.rows());
            assertEquals(List.of("pct_enregistrees_plus_1_mois"), export.parameters().get("indicateur"));

            // the guichet's months: a chart drawn per indicator, within the policy
            page.evaluate("document.querySelector('.breadcrumb + h1 + dl a').click(); 'clicked'");
            page.waitFor(() -> ("/gestion/guichets/" + G1).equals(page.evaluate("location.pathname"))
                    && "complete".equals(page.evaluate("document.readyState")), "the guichet's months");
            page.waitFor(() -> "22".equals(page.evaluate("String(document.querySelectorAll('.r06-chart-area svg').length)")),
                    "22 charts drawn");
            assertTrue(page.evaluate("document.querySelector('[data-indicateur=\"stock\"]').innerHTML").contains("avril 2025"));
            assertEquals(List.of(), page.cspViolations(), "ECharts and the page's script keep to the policy");
        } finally {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Lets the page download into a folder (Browser domain; the older Page command where it is not exposed). */
    private static void allowDownloads(DevTools page, Path folder) {
        try {
            page.send("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", folder.toString()));
        } catch (IllegalStateException e) {
            page.send("Page.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", folder.toString()));
        }
    }

    /** The workbook downloaded into the folder, once complete (Chromium writes a .crdownload file first). */
    private static Path downloaded(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
