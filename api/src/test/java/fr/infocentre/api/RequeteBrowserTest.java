package fr.infocentre.api;

import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.warehouse.Releases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The requêtes in a real browser (headless Chromium), under the server's Content-Security-Policy: the builder greys
 * out what the population excludes, the form is sent as built, and the result page draws its stacked chart.
 */
@ExtendWith(InfocentreServer.class)
class RequeteBrowserTest {

    private static GestionServer server;

    @BeforeAll
    static void start(Releases releases, WeeklyWarehouse weekly) {
        server = GestionServer.start(releases, weekly);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGestionnaireBuildsSeesAndChartsARequete() throws Exception {
        try (DevTools page = DevTools.open()) {
            page.navigate(server.base.resolve("/gestion/requetes"));
            page.evaluate("document.getElementById('identifiant').value = 'jdupont';"
                    + "document.getElementById('mot_de_passe').value = '" + AccountFixtures.PASSWORD + "';"
                    + "document.querySelector('form.login-form button[type=submit]').click(); 'sent'");
            page.waitFor(() -> "/gestion/requetes".equals(page.evaluate("location.pathname"))
                    && "complete".equals(page.evaluate("document.readyState")), "the builder, after logging in");
            assertEquals("true", page.evaluate("document.getElementById('requete-du').disabled"), "demandes en cours: no period");
            assertEquals("true", page.evaluate("document.querySelector('#requete-lignes option[value=reservataire]').disabled"));

            page.evaluate("document.querySelector('input[name=population][value=satisfaites]').click(); 'clicked'");
            assertEquals("true", page.evaluate("document.getElementById('requete-date').disabled"), "satisfaites: no date");
            assertEquals("false", page.evaluate("document.querySelector('#requete-lignes option[value=reservataire]').disabled"));

            page.evaluate("document.getElementById('requete-du').value = '2024-01-01';"
                    + "document.getElementById('requete-au').value = '2024-12-31';"
                    + "document.getElementById('requete-lignes').value = 'reservataire';"
                    + "document.getElementById('requete-colonnes').value = 'mutation';"
                    + "document.querySelector('#requete-form button[type=submit]').click(); 'sent'");
            page.waitFor(() -> "/gestion/requetes/resultat".equals(page.evaluate("location.pathname"))
                    && "true".equals(page.evaluate("document.querySelector('#chart svg') !== null")), "the result's chart");
            String query = page.evaluate("location.search");
            assertTrue(query.contains("population=satisfaites") && query.contains("du=2024-01-01")
                    && !query.contains("date="), query);
            String title = page.evaluate("document.querySelector('h1').innerText");
            assertEquals("Demandes satisfaites du 01/01/2024 au 31/12/2024 par type de réservataire et par mutation /"
                    + " hors mutation", title);
            assertTrue(page.evaluate("document.querySelector('#chart').innerHTML").contains("Collectivités territoriales"));
            assertTrue(page.evaluate("document.querySelector('tfoot').innerText").contains("3"), "06: A03 N12 N16");
            assertEquals(List.of(), page.cspViolations(), "the builder, its script, ECharts keep to the policy");
        }
    }
}
