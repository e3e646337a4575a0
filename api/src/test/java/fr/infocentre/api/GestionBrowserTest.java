package fr.infocentre.api;

import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.warehouse.Releases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser (headless Chromium), under the Content-Security-Policy the server sends: a gestionnaire logs in
 * through the form and lands on /gestion, then logs out; the public rapport page draws its chart; no page breaks
 * the policy.
 */
@ExtendWith(InfocentreServer.class)
class GestionBrowserTest {

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
    void aGestionnaireLogsInThroughTheFormAndLandsOnTheEspace() throws Exception {
        try (DevTools page = DevTools.open()) {
            page.navigate(server.base.resolve("/gestion"));
            assertEquals("/gestion/connexion", page.evaluate("location.pathname"), "sent to the login form");
            assertEquals(List.of(), page.cspViolations());

            page.evaluate("document.getElementById('identifiant').value = 'jdupont';"
                    + "document.getElementById('mot_de_passe').value = '" + AccountFixtures.PASSWORD + "';"
                    + "document.querySelector('form.login-form button[type=submit]').click(); 'sent'");
            page.waitFor(() -> "/gestion".equals(page.evaluate("location.pathname"))
                    && "complete".equals(page.evaluate("document.readyState")), "the espace's home");

            String text = page.evaluate("document.body.innerText");
            assertTrue(text.contains("Gestionnaire jdupont (jdupont)"), text);
            assertTrue(text.contains("06 – Alpes-Maritimes"), text);
            assertEquals(List.of(), page.cspViolations(), "the espace's pages keep to the policy");
            assertFalse(page.evaluate("document.cookie").contains("infocentre-session"), "HttpOnly: no script reads the session");

            page.evaluate("document.querySelector('form[action=\"/gestion/deconnexion\"] button').click(); 'sent'");
            page.waitFor(() -> "/gestion/connexion".equals(page.evaluate("location.pathname"))
                    && "complete".equals(page.evaluate("document.readyState")), "the login form after logging out");
            assertTrue(page.evaluate("document.body.innerText").contains("Vous êtes déconnecté."));
            page.navigate(server.base.resolve("/gestion"));
            assertEquals("/gestion/connexion", page.evaluate("location.pathname"), "logged out");
        }
    }

    @Test
    void thePublicPagesDrawTheirChartWithinThePolicy() throws Exception {
        try (DevTools page = DevTools.open()) {
            page.navigate(server.base.resolve("/rapports/TAB02-03?niveau=national&code=FR"));
            page.waitFor(() -> "true".equals(page.evaluate("document.querySelector('#chart svg') !== null")), "the chart");
            assertTrue(page.evaluate("document.querySelector('#chart').innerHTML").contains("janvier 2024"));
            assertEquals(List.of(), page.cspViolations(), "ECharts and the site's scripts keep to the policy");

            page.navigate(server.base.resolve("/"));
            page.evaluate("document.getElementById('niveau').value = 'departement';"
                    + "document.getElementById('niveau').dispatchEvent(new Event('change')); 'changed'");
            page.waitFor(() -> "true".equals(page.evaluate("(() => { const o = document.getElementById('code').options;"
                    + " return o.length > 0 && o[0].value !== 'FR'; })()")), "the territories of the level, fetched by the selectors' script");
            assertEquals(List.of(), page.cspViolations(), "the selectors' requests are the site's own");

            // the policy is enforced, and a breach would be seen: an inline script injected into the page does not run
            page.evaluate("const s = document.createElement('script'); s.textContent = 'window.__injected = 1;';"
                    + " document.body.appendChild(s); 'appended'");
            page.waitFor(() -> !page.cspViolations().isEmpty(), "the violation reported");
            assertEquals("undefined", page.evaluate("typeof window.__injected"));
            assertTrue(page.cspViolations().get(0).startsWith("script-src-elem inline"), page.cspViolations().toString());
        }
    }
}
