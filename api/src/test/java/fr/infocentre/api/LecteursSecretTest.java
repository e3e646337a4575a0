package fr.infocentre.api;

import fr.infocentre.api.LecteursSecret.CelluleLue;
import fr.infocentre.api.LecteursSecret.Contexte;
import fr.infocentre.api.LecteursSecret.Lecture;
import fr.infocentre.api.LecteursSecret.Requete;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readers of {@link FuiteSecretTest} on hand-written responses (served by a bare Javalin app):
 * they find counts where the site puts them, and report what they cannot read rather than skip it.
 */
class LecteursSecretTest {

    private static final Requete REQUETE = new Requete("TAB99-01", "commune", "48095", 2024);
    private static final String DOCUMENT = """
            {"rapport":"TAB99-01","territoire":{"niveau":"commune","code":"48095","nom":"Mende"},"annee":2024,
             "colonnes":[{"cle":"categorie","libelle":"Âge","type":"LIBELLE"},
                         {"cle":"effectif","libelle":"Demandes","type":"EFFECTIF"},
                         {"cle":"part","libelle":"Part (%%)","type":"PART"}],
             "lignes":[{"cle":"a","categorie":"Moins de 25 ans","effectif":1234,"part":5.0},
                       {"cle":"b","categorie":"25 ans et plus","effectif":%s,"part":null}],
             "total":{"cle":"total","categorie":"Total","effectif":1240,"part":100.0},
             "masques":[%s],"notes":[]}""";
    private static final String PAGE = """
            <html><body><div id="graphique" data-graphique="bar" %s></div>
            <script type="application/json" id="donnees-rapport">%s</script>
            <table class="tableau"><thead><tr><th scope="col">Âge</th><th scope="col" class="nombre">Demandes</th>
            <th scope="col" class="nombre">Part (%%)</th></tr></thead>
            <tbody><tr><th scope="row">Moins de 25 ans</th><td class="nombre">1\u202f234</td><td class="nombre">5,0</td></tr>
            <tr><th scope="row">25 ans et plus</th><td class="nombre masque"><abbr title="secret statistique">s</abbr></td>
            <td class="nombre masque"><abbr title="secret statistique">s</abbr></td></tr></tbody>
            <tfoot><tr class="total"><th scope="row">Total</th><td class="nombre">1\u202f240</td><td class="nombre">100,0</td></tr></tfoot>
            </table>%s<script src="/static/js/graphique.js" defer></script></body></html>""";

    /** The body each path answers. */
    private static final Map<String, String> REPONSES = new ConcurrentHashMap<>();
    private static Javalin app;
    private static Client client;

    @BeforeAll
    static void demarrer() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // before "{id}", which would match "TAB99-01.csv" too (as in RapportRoutes)
            config.routes.get("/api/v1/rapports/{id}.csv", ctx -> ctx.result(REPONSES.get("csv")));
            config.routes.get("/api/v1/rapports/{id}.xlsx", ctx -> ctx.result("PK"));
            config.routes.get("/api/v1/rapports/{id}", ctx -> ctx.result(REPONSES.get("json")));
            config.routes.get("/rapports/{id}", ctx -> ctx.result(REPONSES.get("page")));
        }).start(0);
        client = new Client(URI.create("http://localhost:" + app.port()));
    }

    @AfterAll
    static void arreter() {
        app.stop();
    }

    @Test
    void routesAreTheRoutersOwnListSoANewFormatNeedsAReader() {
        assertTrue(FuiteSecretTest.routesGet(app).contains("/api/v1/rapports/{id}.xlsx"));
        assertFalse(FuiteSecretTest.LECTEURS.containsKey("/api/v1/rapports/{id}.xlsx"));
    }

    @Test
    void jsonReaderReadsCountsAndMaskedCellsAndReportsAnUnlistedNull() {
        REPONSES.put("json", DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}"));
        Lecture lue = seule(LecteursSecret.json("/api/v1/rapports/{id}", new Contexte(client, REQUETE)));
        assertEquals(List.of(), lue.incoherences());
        assertEquals(3, lue.effectifs().size(), "two lines and the total, count column only");
        assertTrue(lue.effectifs().get(1).masque());
        assertEquals(0, new BigDecimal("1240").compareTo(lue.effectifs().get(2).valeur()));

        REPONSES.put("json", DOCUMENT.formatted("null", ""));
        assertTrue(seule(LecteursSecret.json("/api/v1/rapports/{id}", new Contexte(client, REQUETE))).incoherences()
                .get(0).contains("null count not listed in masques"));
    }

    @Test
    void csvReaderMapsHeadersThroughJsonColonnes() {
        REPONSES.put("json", DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}"));
        REPONSES.put("csv", "\uFEFFÂge;Demandes;Part (%)\r\nMoins de 25 ans;1234;5,0\r\n25 ans et plus;s;s\r\nTotal;7;100,0\r\n");
        Lecture lue = seule(LecteursSecret.csv("/api/v1/rapports/{id}.csv", new Contexte(client, REQUETE)));
        assertEquals(List.of(), lue.incoherences());
        assertEquals(List.of("1234", "s", "7"), lue.effectifs().stream().map(CelluleLue::texte).toList());

        REPONSES.put("csv", "\uFEFFÂge;Effectif;Part (%)\r\nTotal;7;100,0\r\n");
        assertTrue(seule(LecteursSecret.csv("/api/v1/rapports/{id}.csv", new Contexte(client, REQUETE))).incoherences()
                .get(0).contains("differs from the JSON colonnes"));
    }

    @Test
    void pageReaderReadsTableChartDataAndFiguresInDataAttributes() {
        String document = DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}");
        REPONSES.put("json", document);
        REPONSES.put("page", PAGE.formatted("data-effectif=\"7\"", document, ""));
        List<Lecture> lues = LecteursSecret.page("/rapports/{id}", new Contexte(client, REQUETE));

        Map<String, Lecture> parFormat = new HashMap<>();
        lues.forEach(l -> parFormat.put(l.format(), l));
        lues.forEach(l -> assertEquals(List.of(), l.incoherences(), l.format()));
        assertEquals(Arrays.asList("1234", null, "1240"), valeurs(parFormat.get(LecteursSecret.HTML_TABLEAU)));
        assertTrue(parFormat.get(LecteursSecret.HTML_TABLEAU).effectifs().get(1).masque());
        assertEquals(Arrays.asList("1234", null, "1240"), valeurs(parFormat.get(LecteursSecret.HTML_GRAPHIQUE)));
        assertEquals(List.of("7"), valeurs(parFormat.get(LecteursSecret.HTML_ATTRIBUTS)), "a data-* attribute's figures");
    }

    @Test
    void pageReaderReportsWhatItCannotRead() {
        String document = DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}");
        REPONSES.put("json", document);
        REPONSES.put("page", PAGE.formatted("data-graphique-max=\"\"", document,
                "<table><tr><td>3</td></tr></table><script>var n = 3;</script>"));
        List<String> incoherences = LecteursSecret.page("/rapports/{id}", new Contexte(client, REQUETE)).stream()
                .flatMap(l -> l.incoherences().stream()).toList();

        assertTrue(incoherences.stream().anyMatch(i -> i.contains("2 <table> in the page")), incoherences.toString());
        assertTrue(incoherences.stream().anyMatch(i -> i.contains("an inline <script")), incoherences.toString());
    }

    private static Lecture seule(List<Lecture> lectures) {
        assertEquals(1, lectures.size());
        return lectures.get(0);
    }

    private static List<String> valeurs(Lecture lecture) {
        return lecture.effectifs().stream().map(c -> c.valeur() == null ? null : c.valeur().toPlainString()).toList();
    }
}
