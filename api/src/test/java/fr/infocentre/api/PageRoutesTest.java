package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(InfocentreServeur.class)
class PageRoutesTest {

    private static final String ECHARTS = "/webjars/echarts/5.5.0/echarts.min.js";
    private static final Pattern DONNEES = Pattern.compile(
            "<script type=\"application/json\" id=\"donnees-rapport\">(.*?)</script>", Pattern.DOTALL);
    private static final String CELLULE_MASQUEE = "<td class=\"nombre masque\"><abbr title=\"secret statistique\">s</abbr></td>";

    private final Client client;

    PageRoutesTest(Client client) {
        this.client = client;
    }

    @Test
    void homePageListsTheCatalogueWithLinksForTheChosenTerritory() {
        String code = Echantillons.premierDepartement(client);

        HttpResponse<String> page = client.get("/?niveau=departement&code=" + code);

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        for (JsonNode r : Echantillons.rapports(client)) {
            if (Echantillons.publie(r, "departement")) {
                assertTrue(page.body().contains("href=\"/rapports/" + r.get("id").asText() + "?niveau=departement&amp;code=" + code),
                        r.get("id").asText());
            }
        }
        assertTrue(page.body().contains("href=\"/api/v1/rapports\""), "links to its JSON twin");
    }

    @Test
    void rapportPageHasTableChartScriptAndLinksToItsTwins() {
        String id = Echantillons.rapportSerie03(client).get("id").asText();
        String code = Echantillons.premierDepartement(client);

        String page = client.get("/rapports/" + id + "?niveau=departement&code=" + code).body();

        assertTrue(page.contains("<table class=\"tableau\">"));
        assertTrue(page.contains("id=\"graphique\""));
        assertTrue(page.contains("<script src=\"" + ECHARTS + "\""));
        assertTrue(page.contains("href=\"/api/v1/rapports/" + id + "?niveau=departement&amp;code=" + code));
        assertTrue(page.contains("href=\"/api/v1/rapports/" + id + ".csv?niveau=departement&amp;code=" + code));
        assertTrue(page.contains("s : effectif inférieur à 11 ou permettant de le retrouver, masqué (secret statistique)"));
    }

    @Test
    void echartsAndTheSiteScriptsAreServed() {
        for (String chemin : new String[] {ECHARTS, "/static/js/graphique.js", "/static/js/selecteurs.js"}) {
            HttpResponse<String> script = client.get(chemin);
            assertEquals(200, script.statusCode(), chemin);
            assertTrue(script.headers().firstValue("Content-Type").orElseThrow().contains("javascript"), chemin);
            assertFalse(script.body().isBlank(), chemin);
        }
        assertTrue(client.get(ECHARTS).body().contains("echarts"));
        assertEquals(200, client.get("/static/css/infocentre.css").statusCode());
    }

    @Test
    void maskedCellsShowAsSAndTheEmbeddedDataIsTheMaskedTable() {
        String requete = Echantillons.requeteMasquee(client)
                .orElseThrow(() -> new AssertionError("the fixture should give at least one masked cell at a département or commune"));
        JsonNode api = client.json("/api/v1/rapports/" + requete);

        String page = client.get("/rapports/" + requete).body();

        Matcher donnees = DONNEES.matcher(page);
        assertTrue(donnees.find(), "chart data embedded");
        JsonNode embarque = Client.lire(donnees.group(1));
        assertEquals(api, embarque, "the chart data is the API's (masked) document");
        long nulls = 0;
        for (JsonNode ligne : embarque.get("lignes")) {
            nulls += nuls(ligne);
        }
        nulls += embarque.get("total").isNull() ? 0 : nuls(embarque.get("total"));
        assertEquals(embarque.get("masques").size(), nulls, "every masked cell is null in the embedded data");
        assertEquals(nulls, compter(page, CELLULE_MASQUEE), "every masked cell is shown as s in the table");
    }

    private static long nuls(JsonNode ligne) {
        long n = 0;
        for (JsonNode valeur : ligne) {
            n += valeur.isNull() ? 1 : 0;
        }
        return n;
    }

    private static long compter(String texte, String motif) {
        return Pattern.compile(Pattern.quote(motif)).matcher(texte).results().count();
    }
}
