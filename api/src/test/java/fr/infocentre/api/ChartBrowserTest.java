package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * Where no count of the table is shown above 0, some masked, the page says so in French instead
     * of drawing empty axes; the table below still shows its "s".
     */
    @Test
    void aTableWithNoCountShownAboveZeroHasAMessageInsteadOfEmptyAxes() throws Exception {
        Client generated = GeneratedServer.started().client();
        String request = withNothingDrawn(generated);

        String dom = Chromium.domAfterScripts(generated.url("/rapports/TAB03-02" + request));

        Matcher zone = CHART_AREA.matcher(dom);
        assertTrue(zone.find(), "the page has its chart container");
        String area = zone.group(1);
        assertFalse(area.contains("<svg"), "no chart drawn: " + area);
        assertTrue(area.contains("Pas de graphique : aucune valeur positive n’est publiée pour ce territoire, les autres"
                + " sont masquées (secret statistique)."), area);
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

    /** The first EPCI or commune where TAB03-02 shows no count above 0 and masks some. */
    private static String withNothingDrawn(Client client) {
        for (String level : List.of("epci", "commune")) {
            for (String code : Samples.codes(client, level)) {
                String request = "?niveau=" + level + "&code=" + code;
                boolean drawn = false, masked = false;
                for (JsonNode line : client.json("/api/v1/rapports/TAB03-02" + request).get("lignes")) {
                    drawn |= line.get("effectif").asLong() > 0;
                    masked |= line.get("effectif").isNull();
                }
                if (!drawn && masked) {
                    return request;
                }
            }
        }
        throw new AssertionError("no EPCI or commune shows no count of TAB03-02 above 0");
    }
}
