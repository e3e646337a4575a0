package fr.infocentre.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a real browser, the rapport page's script draws its chart with ECharts. */
@ExtendWith(InfocentreServeur.class)
class GraphiqueNavigateurTest {

    private static final Pattern ZONE_GRAPHIQUE = Pattern.compile(
            "<div id=\"graphique\"[^>]*>(.*?)</figure>", Pattern.DOTALL);

    private final Client client;

    GraphiqueNavigateurTest(Client client) {
        this.client = client;
    }

    @Test
    void chartIsDrawnForADepartement() throws Exception {
        String code = Echantillons.premierDepartement(client);

        String dom = Chromium.domApresScripts(client.url("/rapports/TAB03-02?niveau=departement&code=" + code));

        Matcher zone = ZONE_GRAPHIQUE.matcher(dom);
        assertTrue(zone.find(), "the page has its chart container");
        assertTrue(dom.contains("_echarts_instance_"), "ECharts took the container");
        String svg = zone.group(1);
        assertTrue(svg.contains("<svg"), "ECharts drew an SVG in the container: " + svg);
        assertTrue(svg.contains(">75 ans et plus</text>") && svg.contains(">Non renseigné</text>"),
                "the category axis shows every category");
        assertTrue(svg.contains("fill=\"#000091\""), "bars are drawn in the main colour");
    }

    @Test
    void lineChartIsDrawnForTheMonthlySeries() throws Exception {
        String dom = Chromium.domApresScripts(client.url("/rapports/TAB02-03?niveau=national&code=FR"));

        Matcher zone = ZONE_GRAPHIQUE.matcher(dom);
        assertTrue(zone.find(), "the page has its chart container");
        String svg = zone.group(1);
        assertTrue(svg.contains("<svg") && svg.contains(">janvier 2024</text>") && svg.contains(">décembre 2024</text>"),
                "ECharts drew the monthly axis: " + svg);
    }
}
