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

@ExtendWith(InfocentreServer.class)
class PageRoutesTest {

    private static final String ECHARTS = "/webjars/echarts/5.5.0/echarts.min.js";
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"rapport-data\">(.*?)</script>", Pattern.DOTALL);
    private static final String MASKED_CELL = "<td class=\"number masked\"><abbr title=\"secret statistique\">s</abbr></td>";

    private final Client client;

    PageRoutesTest(Client client) {
        this.client = client;
    }

    @Test
    void homePageListsTheCatalogueWithLinksForTheChosenTerritory() {
        String code = Samples.firstDepartement(client);

        HttpResponse<String> page = client.get("/?niveau=departement&code=" + code);

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        for (JsonNode r : Samples.rapports(client)) {
            if (Samples.published(r, "departement")) {
                assertTrue(page.body().contains("href=\"/rapports/" + r.get("id").asText() + "?niveau=departement&amp;code=" + code),
                        r.get("id").asText());
            }
        }
        assertTrue(page.body().contains("href=\"/api/v1/rapports\""), "links to its JSON twin");
    }

    @Test
    void rapportPageHasTableChartScriptAndLinksToItsTwins() {
        String id = Samples.rapportSerie03(client).get("id").asText();
        String code = Samples.firstDepartement(client);

        String page = client.get("/rapports/" + id + "?niveau=departement&code=" + code).body();

        assertTrue(page.contains("<table class=\"table\">"));
        assertTrue(page.contains("id=\"chart\""));
        assertTrue(page.contains("<script src=\"" + ECHARTS + "\""));
        assertTrue(page.contains("href=\"/api/v1/rapports/" + id + "?niveau=departement&amp;code=" + code));
        for (String format : new String[] {"csv", "xlsx", "pdf"}) {
            assertTrue(page.contains("href=\"/api/v1/rapports/" + id + "." + format + "?niveau=departement&amp;code=" + code),
                    "download link " + format);
        }
        assertTrue(page.contains("s : effectif inférieur à 11 ou permettant de le retrouver, masqué (secret statistique)"));
    }

    @Test
    void echartsAndTheSiteScriptsAreServed() {
        for (String path : new String[] {ECHARTS, "/static/js/chart.js", "/static/js/selectors.js"}) {
            HttpResponse<String> script = client.get(path);
            assertEquals(200, script.statusCode(), path);
            assertTrue(script.headers().firstValue("Content-Type").orElseThrow().contains("javascript"), path);
            assertFalse(script.body().isBlank(), path);
        }
        assertTrue(client.get(ECHARTS).body().contains("echarts"));
        assertEquals(200, client.get("/static/css/infocentre.css").statusCode());
    }

    @Test
    void maskedCellsShowAsSAndTheEmbeddedDataIsTheMaskedTable() {
        String request = Samples.maskedRequest(client)
                .orElseThrow(() -> new AssertionError("the fixture should give at least one masked cell at a département or commune"));
        JsonNode api = client.json("/api/v1/rapports/" + request);

        String page = client.get("/rapports/" + request).body();

        Matcher data = DATA.matcher(page);
        assertTrue(data.find(), "chart data embedded");
        JsonNode embedded = Client.read(data.group(1));
        assertEquals(api, embedded, "the chart data is the API's (masked) document");
        long nulls = 0;
        for (JsonNode line : embedded.get("lignes")) {
            nulls += nulls(line);
        }
        nulls += embedded.get("total").isNull() ? 0 : nulls(embedded.get("total"));
        assertEquals(embedded.get("masques").size(), nulls, "every masked cell is null in the embedded data");
        assertEquals(nulls, count(page, MASKED_CELL), "every masked cell is shown as s in the table");
    }

    private static long nulls(JsonNode line) {
        long n = 0;
        for (JsonNode value : line) {
            n += value.isNull() ? 1 : 0;
        }
        return n;
    }

    private static long count(String text, String motif) {
        return Pattern.compile(Pattern.quote(motif)).matcher(text).results().count();
    }
}
