package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.SqliteAuditLog;
import fr.infocentre.warehouse.Releases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logging in and out of the espace gestionnaire: the form, the session cookie, rotation, timeouts, throttling. */
@ExtendWith(InfocentreServer.class)
class GestionLoginTest {

    private static final String SESSION = "infocentre-session";
    private static final String LOGIN_COOKIE = "infocentre-connexion";

    private static GestionServer server;

    @BeforeAll
    static void start(Releases releases) {
        server = GestionServer.start(releases);
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

    @Test
    void anAnonymousVisitorIsSentToTheLoginFormWhichComesBackToThePageAsked() {
        WebSession browser = server.browser();

        HttpResponse<String> home = browser.get("/gestion");
        assertEquals(303, home.statusCode());
        assertEquals("/gestion/connexion?retour=%2Fgestion", home.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> form = browser.get("/gestion/connexion?retour=%2Fgestion%2Fjournal");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("<h1>Connexion à l'espace gestionnaire</h1>"));
        assertTrue(form.body().contains("name=\"identifiant\"") && form.body().contains("type=\"password\""));
        assertTrue(form.body().contains("name=\"retour\" value=\"/gestion/journal\""));
        String cookie = WebSession.setCookie(form, LOGIN_COOKIE);
        assertEquals(LOGIN_COOKIE + "=" + WebSession.csrf(form.body()) + "; Path=/; HttpOnly; SameSite=Strict", cookie,
                "the form's token is its cookie's (double submit)");

        HttpResponse<String> login = browser.post("/gestion/connexion", WebSession.fields("_csrf", WebSession.csrf(form.body()),
                "retour", "/gestion/journal", "identifiant", "admin", "mot_de_passe", AccountFixtures.PASSWORD));
        assertEquals(303, login.statusCode());
        assertEquals("/gestion/journal", login.headers().firstValue("Location").orElseThrow());
        assertEquals(200, browser.get("/gestion/journal").statusCode());
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndNotSecureOnPlainHttpLocalhost() {
        HttpResponse<String> login = server.browser().login("jdupont", AccountFixtures.PASSWORD);

        String cookie = WebSession.setCookie(login, SESSION);
        assertTrue(cookie.matches(SESSION + "=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"), cookie);
        assertTrue(WebSession.setCookie(login, LOGIN_COOKIE).contains("Max-Age=0"), "the login form's cookie is dropped");
    }

    @Test
    void behindHttpsTheCookiesAreSecureWithTheHostPrefix(Releases releases) {
        try (GestionServer secure = GestionServer.start(releases, true, routes -> {
        })) {
            WebSession browser = secure.browser();
            HttpResponse<String> form = browser.get("/gestion/connexion");
            assertTrue(WebSession.setCookie(form, "__Host-" + LOGIN_COOKIE).endsWith("; Path=/; Secure; HttpOnly; SameSite=Strict"));

            HttpResponse<String> login = browser.post("/gestion/connexion", WebSession.fields("_csrf",
                    WebSession.csrf(form.body()), "identifiant", "jdupont", "mot_de_passe", AccountFixtures.PASSWORD));

            assertEquals(303, login.statusCode());
            String cookie = WebSession.setCookie(login, "__Host-" + SESSION);
            assertTrue(cookie.matches("__Host-" + SESSION + "=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Strict"), cookie);
            assertEquals(200, browser.get("/gestion").statusCode());
        }
    }

    @Test
    void theSessionIdChangesAtLoginAndTheOldOneIsWorthNothing() {
        WebSession browser = server.browser();
        browser.cookies.put(SESSION, "Xattackerchosen0123456789abcdefghijklmnopqr");
        browser.login("jdupont", AccountFixtures.PASSWORD);
        String first = browser.cookies.get(SESSION);
        assertNotEquals("Xattackerchosen0123456789abcdefghijklmnopqr", first, "a session id is never the client's");

        // a login while the browser still holds a valid session (one planted by another account, or its own):
        // the login form opened anonymously elsewhere, then posted by this browser
        WebSession elsewhere = server.browser();
        String token = WebSession.csrf(elsewhere.get("/gestion/connexion").body());
        browser.cookies.put(LOGIN_COOKIE, elsewhere.cookies.get(LOGIN_COOKIE));
        HttpResponse<String> again = browser.post("/gestion/connexion", WebSession.fields("_csrf", token,
                "identifiant", "autre", "mot_de_passe", AccountFixtures.PASSWORD));
        assertEquals(303, again.statusCode());
        String second = browser.cookies.get(SESSION);

        assertNotEquals(first, second);
        assertTrue(browser.get("/gestion").body().contains("(autre)"));
        WebSession old = server.browser();
        old.cookies.put(SESSION, first);
        assertEquals(303, old.get("/gestion").statusCode(), "the session presented at login was closed");
    }

    @Test
    void aFailedLoginFromABrowserAlreadyLoggedInChangesNothingAndIsNotRecordedUnderItsAccount() {
        WebSession browser = server.loggedIn("jdupont");
        String session = browser.cookies.get(SESSION);
        long audited = server.accounts.audit().count();
        WebSession elsewhere = server.browser();
        String token = WebSession.csrf(elsewhere.get("/gestion/connexion").body());
        browser.cookies.put(LOGIN_COOKIE, elsewhere.cookies.get(LOGIN_COOKIE));

        HttpResponse<String> refused = browser.post("/gestion/connexion", WebSession.fields("_csrf", token,
                "identifiant", "admin", "mot_de_passe", "pas le bon mot de passe"));

        assertEquals(401, refused.statusCode());
        assertEquals(audited, server.accounts.audit().count(), "a refused login is in login_attempts, not in the audit log");
        assertEquals(session, browser.cookies.get(SESSION));
        assertEquals(200, browser.get("/gestion").statusCode(), "the session it had is still open");
    }

    @Test
    void theHomePageShowsTheAccountItsRoleAndItsTerritories() {
        WebSession jdupont = server.loggedIn("jdupont");
        String home = jdupont.get("/gestion").body();
        assertTrue(home.contains("Gestionnaire jdupont (jdupont)"), home);
        assertTrue(home.contains("<dd>Gestionnaire territorial</dd>"));
        assertTrue(home.contains("<li>06 – Alpes-Maritimes</li>"));
        assertFalse(home.contains("/gestion/journal"), "no link to what the account may not see");

        String paca = server.loggedIn("paca").get("/gestion").body();
        assertTrue(paca.contains("<li>Région 93 – Provence-Alpes-Côte d&#39;Azur</li>") || paca.contains("Région 93 – Provence-Alpes-Côte"), paca);
        assertTrue(server.loggedIn("admin").get("/gestion").body().contains("href=\"/gestion/journal\""));

        JsonNode me = Client.read(jdupont.get("/api/v1/gestion/moi").body());
        assertEquals("jdupont", me.get("identifiant").asText());
        assertEquals("gestionnaire", me.get("role").asText());
        assertEquals(List.of("06"), List.of(me.get("perimetre").get("departements").get(0).asText()));
        assertEquals(1, me.get("perimetre").get("departements").size());
        assertEquals(jdupont.cookies.isEmpty() ? "" : WebSession.csrf(home), me.get("jeton_csrf").asText());
    }

    @Test
    void aWrongPasswordAnUnknownLoginAndADisabledAccountGetTheSameAnswer() {
        server.accounts.store().create("desactive", "Désactivé", fr.infocentre.api.accounts.Role.GESTIONNAIRE,
                fr.infocentre.api.accounts.Scope.departements(server.accounts.geography(), List.of("06")),
                AccountFixtures.PASSWORD.toCharArray());
        server.accounts.store().setEnabled("desactive", false);
        String[][] attempts = {{"jdupont", "pas le bon mot de passe"}, {"inconnu", AccountFixtures.PASSWORD},
                {"desactive", AccountFixtures.PASSWORD}};
        String expected = null;
        for (String[] attempt : attempts) {
            HttpResponse<String> refused = server.browser().login(attempt[0], attempt[1]);
            assertEquals(401, refused.statusCode(), attempt[0]);
            assertTrue(refused.body().contains("Identifiant ou mot de passe incorrect."), attempt[0]);
            assertTrue(refused.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SESSION + "=")));
            String page = refused.body().replace(attempt[0], "LOGIN").replaceAll("value=\"[A-Za-z0-9_-]{43}\"", "");
            if (expected == null) {
                expected = page;
            }
            assertEquals(expected, page, "the page says nothing of whether the account exists");
        }
    }

    @Test
    void afterFiveFailuresTheLoginIsSuspendedWithAFrenchMessage() {
        WebSession browser = server.browser();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, browser.login("paca", "mauvais mot de passe " + i).statusCode());
        }
        HttpResponse<String> blocked = browser.login("paca", AccountFixtures.PASSWORD);

        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("Trop de tentatives de connexion ont échoué. Réessayez dans 15 minutes."), blocked.body());
        assertEquals("901", blocked.headers().firstValue("Retry-After").orElseThrow());
        assertFalse(browser.cookies.containsKey(SESSION));
        server.clock.advance(Duration.ofMinutes(15));
        assertEquals(303, browser.login("paca", AccountFixtures.PASSWORD).statusCode());
    }

    @Test
    void anIdleSessionEndsAfter30MinutesAndAnySessionAfter10Hours() {
        WebSession idle = server.loggedIn("jdupont");
        server.clock.advance(Duration.ofMinutes(29));
        assertEquals(200, idle.get("/gestion").statusCode());
        server.clock.advance(Duration.ofMinutes(30));
        HttpResponse<String> expired = idle.get("/gestion");
        assertEquals(303, expired.statusCode());
        assertEquals("/gestion/connexion?retour=%2Fgestion&motif=expiree", expired.headers().firstValue("Location").orElseThrow());
        assertTrue(idle.get("/gestion/connexion?motif=expiree").body().contains("Votre session a expiré"));
        assertEquals(401, idle.get("/api/v1/gestion/moi").statusCode());

        WebSession busy = server.loggedIn("jdupont");
        for (int minutes = 20; minutes < 600; minutes += 20) {
            server.clock.advance(Duration.ofMinutes(20));
            assertEquals(200, busy.get("/api/v1/gestion/moi").statusCode(), "used every 20 min, at " + minutes + " min");
        }
        server.clock.advance(Duration.ofMinutes(20));
        assertEquals(401, busy.get("/api/v1/gestion/moi").statusCode(), "10 h after the login");
    }

    @Test
    void loggingOutClosesTheSession() {
        WebSession browser = server.loggedIn("jdupont");
        String token = WebSession.csrf(browser.get("/gestion").body());

        HttpResponse<String> out = browser.post("/gestion/deconnexion", WebSession.fields("_csrf", token));

        assertEquals(303, out.statusCode());
        assertEquals("/gestion/connexion?motif=deconnexion", out.headers().firstValue("Location").orElseThrow());
        assertTrue(WebSession.setCookie(out, SESSION).contains("Max-Age=0"));
        assertFalse(browser.cookies.containsKey(SESSION));
        assertTrue(browser.get("/gestion/connexion?motif=deconnexion").body().contains("Vous êtes déconnecté."));
        List<AuditEntry> recent = server.accounts.audit().newestFirst(0, 5).stream().map(SqliteAuditLog.Stored::entry).toList();
        assertTrue(recent.stream().anyMatch(e -> e.login().equals("jdupont") && e.action().equals("déconnexion")
                && e.route().equals("POST /gestion/deconnexion")), recent.toString());
        assertTrue(recent.stream().noneMatch(e -> e.parameters().containsKey("_csrf")), "a token is never recorded");
    }

    @Test
    void theReturnAddressIsNeverAnotherSite() {
        for (String asked : List.of("https://ailleurs.example/", "//ailleurs.example/gestion", "/gestion/../../x",
                "/\\ailleurs.example", "/gestionnaire-pirate", "javascript:alert(1)", "/gestion\r\nSet-Cookie: x=y")) {
            WebSession browser = server.browser();
            String token = WebSession.csrf(browser.get("/gestion/connexion").body());
            HttpResponse<String> login = browser.post("/gestion/connexion", WebSession.fields("_csrf", token,
                    "retour", asked, "identifiant", "admin", "mot_de_passe", AccountFixtures.PASSWORD));
            assertEquals(303, login.statusCode(), asked);
            assertEquals("/gestion", login.headers().firstValue("Location").orElseThrow(), asked);
        }
    }

    @Test
    void aLoginIsRecordedInTheAuditLogWithoutItsPassword() {
        long before = server.accounts.audit().count();
        server.loggedIn("paca");
        AuditEntry login = server.accounts.audit().newestFirst(0, 1).get(0).entry();
        assertEquals(before + 1, server.accounts.audit().count());
        assertEquals("paca", login.login());
        assertEquals("connexion", login.action());
        assertEquals("POST /gestion/connexion", login.route());
        assertEquals(List.of("identifiant"), List.copyOf(login.parameters().keySet()));
        assertEquals(303, login.status());
    }
}
