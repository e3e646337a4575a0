package fr.infocentre.api;

import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.RestrictedRoutes;
import fr.infocentre.warehouse.Releases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A state-changing request without its CSRF token, or with a wrong one, is refused (403) and changes nothing. */
@ExtendWith(InfocentreServer.class)
class GestionCsrfTest {

    private static final List<String> NOTES = new CopyOnWriteArrayList<>();
    private static GestionServer server;

    @BeforeAll
    static void start(Releases releases) {
        server = GestionServer.start(releases, false, routes -> {
            RestrictedRoutes restricted = new RestrictedRoutes(routes);
            restricted.post("/gestion/essai/notes", Access.roles(Role.GESTIONNAIRE), ctx -> NOTES.add(ctx.formParam("note")));
            restricted.put("/api/v1/gestion/essai/notes", Access.roles(Role.GESTIONNAIRE), ctx -> NOTES.add(ctx.body()));
            restricted.delete("/api/v1/gestion/essai/notes", Access.roles(Role.GESTIONNAIRE), ctx -> NOTES.clear());
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        NOTES.clear();
    }

    @Test
    void aFormWithoutItsTokenOrWithAWrongOneIsRefusedAndChangesNothing() {
        WebSession browser = server.loggedIn("jdupont");
        String token = WebSession.csrf(browser.get("/gestion").body());
        String otherSessionsToken = WebSession.csrf(server.loggedIn("jdupont").get("/gestion").body());

        for (var fields : List.of(WebSession.fields("note", "sans jeton"),
                WebSession.fields("_csrf", "", "note", "jeton vide"),
                WebSession.fields("_csrf", "faux", "note", "jeton faux"),
                WebSession.fields("_csrf", otherSessionsToken, "note", "jeton d'une autre session"),
                WebSession.fields("_csrf", token.substring(1) + "A", "note", "jeton altéré"))) {
            HttpResponse<String> refused = browser.post("/gestion/essai/notes", fields);
            assertEquals(403, refused.statusCode(), fields.toString());
            assertTrue(refused.body().contains("Jeton de sécurité (CSRF) absent ou invalide"), refused.body());
        }
        assertEquals(403, browser.send("POST", "/gestion/essai/notes", "_csrf=" + token + "&_csrf=" + token + "&note=r",
                "Content-Type", "application/x-www-form-urlencoded").statusCode(), "a token given twice");
        assertEquals(List.of(), NOTES);

        assertEquals(200, browser.post("/gestion/essai/notes", WebSession.fields("_csrf", token, "note", "bonne")).statusCode());
        assertEquals(List.of("bonne"), NOTES);
    }

    @Test
    void theJsonApiTakesItsTokenInAHeader() {
        WebSession browser = server.loggedIn("jdupont");
        String token = Client.read(browser.get("/api/v1/gestion/moi").body()).get("jeton_csrf").asText();

        assertEquals(403, browser.send("PUT", "/api/v1/gestion/essai/notes", "sans jeton", "Content-Type", "text/plain").statusCode());
        assertEquals(403, browser.send("DELETE", "/api/v1/gestion/essai/notes", null, "X-CSRF-Token", "faux").statusCode());
        HttpResponse<String> refused = browser.send("PUT", "/api/v1/gestion/essai/notes", "{}", "Content-Type", "application/json");
        assertEquals("application/json", refused.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertTrue(refused.body().contains("\"parametre\":\"_csrf\""), refused.body());
        assertEquals(List.of(), NOTES);

        assertEquals(200, browser.send("PUT", "/api/v1/gestion/essai/notes", "avec jeton", "X-CSRF-Token", token).statusCode());
        assertEquals(List.of("avec jeton"), NOTES);
    }

    @Test
    void aLogoutWithoutTheTokenLeavesTheSessionOpen() {
        WebSession browser = server.loggedIn("jdupont");
        assertEquals(403, browser.post("/gestion/deconnexion", WebSession.fields()).statusCode());
        assertEquals(403, browser.post("/gestion/deconnexion", WebSession.fields("_csrf", "x".repeat(43))).statusCode());
        assertEquals(200, browser.get("/gestion").statusCode(), "still logged in");
    }

    @Test
    void aLoginPostedWithoutTheFormsTokenOpensNoSessionAndCountsNoAttempt() throws Exception {
        long sessions = count("SELECT count(*) FROM sessions");
        long attempts = count("SELECT count(*) FROM login_attempts");
        WebSession browser = server.browser();
        String token = WebSession.csrf(browser.get("/gestion/connexion").body());

        HttpResponse<String> noField = browser.post("/gestion/connexion", WebSession.fields(
                "identifiant", "jdupont", "mot_de_passe", AccountFixtures.PASSWORD));
        WebSession noCookie = server.browser();
        HttpResponse<String> forgedElsewhere = noCookie.post("/gestion/connexion", WebSession.fields("_csrf", token,
                "identifiant", "jdupont", "mot_de_passe", AccountFixtures.PASSWORD));
        HttpResponse<String> wrong = browser.post("/gestion/connexion", WebSession.fields("_csrf", token.replace(token.charAt(0),
                token.charAt(0) == 'A' ? 'B' : 'A'), "identifiant", "jdupont", "mot_de_passe", AccountFixtures.PASSWORD));

        for (HttpResponse<String> refused : List.of(noField, forgedElsewhere, wrong)) {
            assertEquals(403, refused.statusCode());
            assertTrue(refused.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("infocentre-session=")));
        }
        assertEquals(sessions, count("SELECT count(*) FROM sessions"));
        assertEquals(attempts, count("SELECT count(*) FROM login_attempts"));
    }

    private static long count(String sql) throws Exception {
        try (Connection c = server.accounts.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
