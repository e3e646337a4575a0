package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a real browser, the rapport page's script draws its chart with ECharts. */
@ExtendWith(InfocentreServer.class)
class ChartBrowserTest {

    private static final Pattern CHART_AREA = Pattern.compile(
            "<div id=\"chart\"[^>]*>(.*?)</figure>", Pattern.DOTALL);

    private final Client client;

    ChartBrowserTest(Client client) {
        this.client = client;
    }

    @Test
    void chartIsDrawnForATerritoryWithVisibleCounts() throws Exception {
        Client generated = GeneratedServer.started().client();
        String request = withVisibleCounts(generated);

        String dom = Chromium.domAfterScripts(generated.url("/rapports/TAB03-02" + request));

        Matcher zone = CHART_AREA.matcher(dom);
        assertTrue(zone.find(), "the page has its chart container");
        assertTrue(dom.contains("_echarts_instance_"), "ECharts took the container");
        String svg = zone.group(1);
        assertTrue(svg.contains("<svg"), "ECharts drew an SVG in the container: " + svg);
        assertTrue(svg.contains(">75 ans et plus</text>") && svg.contains(">Non renseigné</text>"),
                "the category axis shows every category");
        assertTrue(svg.contains("fill=\"#000091\""), "bars are drawn in the main colour");
    }

    /** The first territory (of the generated millésime, from France to the EPCI) where TAB03-02 shows at least two counts. */
    private static String withVisibleCounts(Client client) {
        for (String level : List.of("national", "region", "departement", "epci")) {
            for (String code : Samples.codes(client, level)) {
                String request = "?niveau=" + level + "&code=" + code;
                int visible = 0;
                for (JsonNode line : client.json("/api/v1/rapports/TAB03-02" + request).get("lignes")) {
                    visible += line.get("effectif").asLong() > 0 ? 1 : 0;
                }
                if (visible >= 2) {
                    return request;
                }
            }
        }
        throw new AssertionError("no territory shows two counts of TAB03-02");
    }

    @Test
    void lineChartIsDrawnForTheMonthlySeries() throws Exception {
        String dom = Chromium.domAfterScripts(client.url("/rapports/TAB02-03?niveau=national&code=FR"));

        Matcher zone = CHART_AREA.matcher(dom);
        assertTrue(zone.find(), "the page has its chart container");
        String svg = zone.group(1);
        assertTrue(svg.contains("<svg") && svg.contains(">janvier 2024</text>") && svg.contains(">décembre 2024</text>"),
                "ECharts drew the monthly axis: " + svg);
    }
}
