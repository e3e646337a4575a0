package fr.infocentre.api;

import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.RestrictedRoutes;
import fr.infocentre.api.security.TerritoryParameter;
import fr.infocentre.warehouse.Releases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input — SQL fragments, path traversal, oversized, repeated and malformed values, broken bodies — in the
 * login form, the restricted routes and the public API: always a 4xx (400, 401, 403; 404 for a path that names
 * nothing; 429 once throttled; 303 to the login form for a page without a valid session), never a 500, never a
 * change to the account store.
 */
@ExtendWith(InfocentreServer.class)
class GestionInjectionTest {

    private static final List<String> HOSTILE = List.of("' OR '1'='1", "admin'--", "\" OR 1=1 --",
            "x'; DROP TABLE accounts; --", "%' OR login LIKE '%", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "06\u0000", "\u0000", "06\r\nX-Injected: 1",
            "06;DROP", "0６", "é".repeat(30), "x".repeat(1025));
    private static final List<String> POSTED = new CopyOnWriteArrayList<>();

    private static GestionServer server;
    private static Client publicClient;

    @BeforeAll
    static void start(Releases releases, Client client) {
        publicClient = client;
        server = GestionServer.start(releases, false, routes -> {
            RestrictedRoutes restricted = new RestrictedRoutes(routes);
            restricted.get("/api/v1/gestion/essai/guichets", Access.roles(Role.GESTIONNAIRE)
                    .territory(TerritoryParameter.departement("departement").required()), ctx -> ctx.result("guichets"));
            restricted.post("/gestion/essai/commentaires/{departement}", Access.anyRole(),
                    ctx -> POSTED.add(ctx.pathParam("departement")));
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Each test from its own start: past the login throttle's window of the tests before (all from 127.0.0.1). */
    @BeforeEach
    void afterTheThrottleWindow() {
        server.clock.advance(java.time.Duration.ofMinutes(16));
    }

    private static void assertRefused(HttpResponse<String> response, Set<Integer> allowed, String what) {
        String where = what + " → " + response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length()));
        assertTrue(allowed.contains(response.statusCode()), where);
        assertFalse(response.body().contains("Exception") || response.body().contains("at fr.infocentre")
                || response.body().contains("SQLITE") || response.body().contains("Erreur interne"), where);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theLoginFormRefusesHostileInputAndChangesNothing() throws Exception {
        String accountsBefore = dump("SELECT login, display_name, role, enabled, password_hash, updated_at FROM accounts ORDER BY login");
        long sessionsBefore = count("SELECT count(*) FROM sessions");
        long auditBefore = count("SELECT count(*) FROM audit_log");
        for (String value : HOSTILE) {
            for (String[] attempt : List.of(new String[] {value, AccountFixtures.PASSWORD}, new String[] {"jdupont", value},
                    new String[] {"admin", value})) {
                WebSession browser = server.browser();
                String token = WebSession.csrf(browser.get("/gestion/connexion").body());
                HttpResponse<String> answer = browser.post("/gestion/connexion", WebSession.fields("_csrf", token,
                        "retour", value, "identifiant", attempt[0], "mot_de_passe", attempt[1]));
                assertRefused(answer, Set.of(400, 401, 429), "login " + attempt[0] + " / " + attempt[1]);
                assertFalse(browser.cookies.containsKey("infocentre-session"));
            }
        }
        WebSession browser = server.browser();
        String token = WebSession.csrf(browser.get("/gestion/connexion").body());
        String ct = "application/x-www-form-urlencoded";
        List<HttpResponse<String>> broken = new ArrayList<>();
        String[][] bodies = {
                {"POST", "_csrf=" + token + "&identifiant=%zz&mot_de_passe=%", ct},
                {"POST", "_csrf=" + token + "&identifiant=a", ct + "; charset=inexistant"},
                {"POST", "--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token, "multipart/form-data; boundary=x"},
                {"POST", "{\"identifiant\": \"admin' --\"}", "application/json"},
                {"POST", "_csrf=" + token + "&" + "p=1&".repeat(60) + "identifiant=a", ct},
                {"PUT", "_csrf=" + token, ct},
                {"DELETE", null, ct}};
        for (String[] body : bodies) {
            // each from a new connection, with the browser's cookies: one refusal does not reach the next request
            WebSession fresh = server.browser();
            fresh.cookies.putAll(browser.cookies);
            broken.add(fresh.send(body[0], "/gestion/connexion", body[1], "Content-Type", body[2]));
        }
        for (HttpResponse<String> answer : broken) {
            assertRefused(answer, Set.of(400, 401, 403, 404, 405, 429), answer.request().method() + " " + answer.request().headers().map());
        }
        // a body over the server's 1 MB limit: refused (413) or the connection closed before the server reads it all
        try {
            HttpResponse<String> huge = browser.send("POST", "/gestion/connexion", "_csrf=" + token + "&identifiant="
                    + "a".repeat(2_000_000), "Content-Type", ct);
            assertRefused(huge, Set.of(400, 413), "2 MB body");
        } catch (java.io.UncheckedIOException closed) {
            // refused without an answer: nothing was read
        }
        assertEquals(accountsBefore, dump("SELECT login, display_name, role, enabled, password_hash, updated_at FROM accounts ORDER BY login"));
        assertEquals(sessionsBefore, count("SELECT count(*) FROM sessions"));
        assertEquals(auditBefore, count("SELECT count(*) FROM audit_log"), "a refused login records nothing in the audit log");
    }

    @Test
    void theRestrictedRoutesRefuseHostileTerritoriesAndPaths() {
        WebSession jdupont = server.loggedIn("jdupont");
        String token = WebSession.csrf(jdupont.get("/gestion").body());
        for (String value : HOSTILE) {
            assertRefused(jdupont.get("/api/v1/gestion/essai/guichets?departement=" + q(value)), Set.of(400), value);
            assertRefused(jdupont.get("/api/v1/gestion/essai/guichets?departement=06&niveau=departement&code=" + q(value)),
                    Set.of(400), "code " + value);
            assertRefused(jdupont.get("/api/v1/gestion/essai/guichets?departement=06&region=" + q(value)), Set.of(400), "region " + value);
            assertRefused(jdupont.get("/gestion/journal?page=" + q(value)), Set.of(400, 403), "page " + value);
            assertRefused(jdupont.send("POST", "/gestion/essai/commentaires/" + q(value), "_csrf=" + token,
                    "Content-Type", "application/x-www-form-urlencoded"), Set.of(400, 404), "path " + value);
        }
        for (String path : List.of("/gestion/../gestion/journal", "/gestion/%2e%2e/gestion/journal", "/gestion/..%2Fjournal",
                "/gestion/essai/commentaires/..%2F..%2Fetc", "/gestion//journal", "/GESTION/journal", "/%67estion/journal",
                "/api/v1/gestion/../gestion/moi", "/gestion/journal;x=1", "/gestion/%00")) {
            HttpResponse<String> answer = jdupont.get(path);
            assertRefused(answer, Set.of(303, 400, 403, 404), path);
            assertFalse(answer.body().contains("Journal d'audit –"), path);
        }
        assertRefused(jdupont.get("/api/v1/gestion/essai/guichets?departement=06&" + "p=1&".repeat(60)), Set.of(400), "60 params");
        assertRefused(jdupont.get("/api/v1/gestion/essai/guichets?departement=06" + "&departement=06".repeat(30)), Set.of(400), "repeated");
        assertRefused(jdupont.get("/api/v1/gestion/essai/guichets?departement=%E9"), Set.of(400), "Latin-1 percent-encoding");
        assertEquals(List.of(), POSTED, "no hostile comment reached the route");
        assertEquals(200, jdupont.get("/api/v1/gestion/essai/guichets?departement=06").statusCode(), "the session still works");
    }

    @Test
    void aHostileSessionCookieIsAnAnonymousVisitor() {
        for (String value : List.of("' OR 1=1 --", "x".repeat(43), "../../etc/passwd", "A".repeat(4000))) {
            WebSession browser = server.browser();
            browser.cookies.put("infocentre-session", value);
            assertRefused(browser.get("/gestion"), Set.of(303, 400), value);
            assertRefused(browser.get("/api/v1/gestion/moi"), Set.of(401, 400), value);
        }
    }

    @Test
    void thePublicApiRefusesHostileParametersWithoutFailing() {
        String rapport = Samples.rapports(publicClient).get(0).get("id").asText();
        for (String value : HOSTILE) {
            for (String path : List.of("/api/v1/rapports/" + rapport + "?niveau=" + q(value),
                    "/api/v1/rapports/" + rapport + "?niveau=departement&code=" + q(value),
                    "/api/v1/rapports/" + rapport + ".csv?niveau=departement&code=" + q(value),
                    "/api/v1/rapports/" + rapport + "?annee=" + q(value),
                    "/api/v1/territoires?niveau=" + q(value),
                    "/rapports/" + rapport + "?niveau=" + q(value))) {
                assertRefused(server.browser().get(path), Set.of(400, 404), path);
            }
        }
        for (String path : List.of("/api/v1/rapports/..%2F..%2Fetc%2Fpasswd", "/opendata/2024/..%2F..%2Frelease.json",
                "/opendata/2024/../../../../etc/passwd", "/api/v1/rapports/" + rapport + "?annee=99999999999999999999",
                "/static/../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd")) {
            assertRefused(server.browser().get(path), Set.of(400, 404), path);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = server.accounts.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String dump(String sql) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = server.accounts.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    text.append(r.getString(i)).append('|');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }
}
