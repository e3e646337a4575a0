package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
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
    void chartIsDrawnForATerritoryWithVisibleCounts() throws Exception {
        Client genere = ServeurGenere.demarre().client();
        String requete = avecEffectifsVisibles(genere);

        String dom = Chromium.domApresScripts(genere.url("/rapports/TAB03-02" + requete));

        Matcher zone = ZONE_GRAPHIQUE.matcher(dom);
        assertTrue(zone.find(), "the page has its chart container");
        assertTrue(dom.contains("_echarts_instance_"), "ECharts took the container");
        String svg = zone.group(1);
        assertTrue(svg.contains("<svg"), "ECharts drew an SVG in the container: " + svg);
        assertTrue(svg.contains(">75 ans et plus</text>") && svg.contains(">Non renseigné</text>"),
                "the category axis shows every category");
        assertTrue(svg.contains("fill=\"#000091\""), "bars are drawn in the main colour");
    }

    /** The first territory (of the generated millésime, from France to the EPCI) where TAB03-02 shows at least two counts. */
    private static String avecEffectifsVisibles(Client client) {
        for (String niveau : List.of("national", "region", "departement", "epci")) {
            for (String code : Echantillons.codes(client, niveau)) {
                String requete = "?niveau=" + niveau + "&code=" + code;
                int visibles = 0;
                for (JsonNode ligne : client.json("/api/v1/rapports/TAB03-02" + requete).get("lignes")) {
                    visibles += ligne.get("effectif").asLong() > 0 ? 1 : 0;
                }
                if (visibles >= 2) {
                    return requete;
                }
            }
        }
        throw new AssertionError("no territory shows two counts of TAB03-02");
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
