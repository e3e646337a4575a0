package fr.infocentre.api;

import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.warehouse.Releases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log page: administrateurs only, newest first, 50 a page, read-only, what it shows escaped. */
@ExtendWith(InfocentreServer.class)
class GestionJournalTest {

    private static GestionServer server;

    @BeforeAll
    static void start(Releases releases) {
        server = GestionServer.start(releases);
        for (int i = 1; i <= 120; i++) {
            server.accounts.audit().record(new AuditEntry(Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i), "jdupont",
                    "consultation", "GET /gestion/essai", Map.of("departement", List.of("06"), "n", List.of("entrée " + i)),
                    (long) i, 200, "127.0.0.1"));
        }
        server.accounts.audit().record(new AuditEntry(Instant.parse("2026-12-02T10:00:00Z"), "jdupont", "consultation",
                "GET /gestion/essai", Map.of("q", List.of("<script>alert(1)</script>")), null, 200, "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdministrateurReadsTheLogNewestFirstFiftyAPage() {
        WebSession admin = server.loggedIn("admin");
        HttpResponse<String> first = admin.get("/gestion/journal");
        assertEquals(200, first.statusCode());
        String page = first.body();
        assertTrue(page.contains("Journal d'audit – page 1 sur 3"), page);
        assertEquals(50, Pattern.compile("<tr><td class=\"number\">").matcher(page).results().count());
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped");
        assertFalse(page.contains("<script>alert(1)"));
        assertTrue(page.contains("connexion") && page.contains("admin"), "the administrateur's own login is in it");
        assertTrue(page.contains("href=\"/gestion/journal?page=2\""));
        assertFalse(page.contains("<form method=\"post\" action=\"/gestion/journal"), "read-only: no form to change it");

        String last = admin.get("/gestion/journal?page=3").body();
        assertTrue(last.contains("entrée 1<") || last.contains("n=entrée 1,") || last.contains("entrée 1"), last);
        assertTrue(last.contains("href=\"/gestion/journal?page=2\"") && !last.contains("page=4"));
        assertEquals(400, admin.get("/gestion/journal?page=abc").statusCode());
        assertEquals(400, admin.get("/gestion/journal?page=0").statusCode());
        assertEquals(400, admin.get("/gestion/journal?page=-1").statusCode());
        assertEquals(404, admin.get("/gestion/journal?page=99").statusCode());
    }

    @Test
    void otherRolesAreRefusedAndTheirRefusalIsRecorded() {
        for (String login : List.of("jdupont", "paca")) {
            WebSession browser = server.loggedIn(login);
            HttpResponse<String> refused = browser.get("/gestion/journal");
            assertEquals(403, refused.statusCode(), login);
            assertFalse(refused.body().contains("entrée 1"), login);
            assertTrue(refused.body().contains("Accès refusé"), login);
            AuditEntry recorded = server.accounts.audit().newestFirst(0, 1).get(0).entry();
            assertEquals(login, recorded.login());
            assertEquals("refus", recorded.action());
            assertEquals("GET /gestion/journal", recorded.route());
            assertEquals(403, recorded.status());
        }
    }

    @Test
    void readingTheLogIsRecordedWithTheRowsShown() {
        WebSession admin = server.loggedIn("admin");
        admin.get("/gestion/journal?page=2");
        AuditEntry read = server.accounts.audit().newestFirst(0, 1).get(0).entry();
        assertEquals("admin", read.login());
        assertEquals("consultation", read.action());
        assertEquals(Map.of("page", List.of("2")), read.parameters());
        assertEquals(50L, read.rows());
    }
}
