package fr.infocentre.api;

import fr.infocentre.api.routes.RapportRoutes;


import fr.infocentre.api.SecretReaders.CellRead;
import fr.infocentre.api.SecretReaders.Context;
import fr.infocentre.api.SecretReaders.Read;
import fr.infocentre.api.SecretReaders.Request;
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
 * The readers of {@link SecretLeakTest} on hand-written responses (served by a bare Javalin app):
 * they find counts where the site puts them, and report what they cannot read rather than skip it.
 */
class SecretReadersTest {

    private static final Request REQUEST = new Request("TAB99-01", "commune", "48095", 2024);
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
            <html><body><div id="chart" data-chart="bar" %s></div>
            <script type="application/json" id="rapport-data">%s</script>
            <table class="table"><thead><tr><th scope="col">Âge</th><th scope="col" class="number">Demandes</th>
            <th scope="col" class="number">Part (%%)</th></tr></thead>
            <tbody><tr><th scope="row">Moins de 25 ans</th><td class="number">1\u202f234</td><td class="number">5,0</td></tr>
            <tr><th scope="row">25 ans et plus</th><td class="number masked"><abbr title="secret statistique">s</abbr></td>
            <td class="number masked"><abbr title="secret statistique">s</abbr></td></tr></tbody>
            <tfoot><tr class="total"><th scope="row">Total</th><td class="number">1\u202f240</td><td class="number">100,0</td></tr></tfoot>
            </table>%s<script src="/static/js/chart.js" defer></script></body></html>""";

    /** The body each path answers. */
    private static final Map<String, String> RESPONSES = new ConcurrentHashMap<>();
    private static Javalin app;
    private static Client client;

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // before "{id}", which would match "TAB99-01.csv" too (as in RapportRoutes)
            config.routes.get("/api/v1/rapports/{id}.csv", ctx -> ctx.result(RESPONSES.get("csv")));
            config.routes.get("/api/v1/rapports/{id}.xlsx", ctx -> ctx.result("PK"));
            config.routes.get("/api/v1/rapports/{id}", ctx -> ctx.result(RESPONSES.get("json")));
            config.routes.get("/rapports/{id}", ctx -> ctx.result(RESPONSES.get("page")));
        }).start(0);
        client = new Client(URI.create("http://localhost:" + app.port()));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void routesAreTheRoutersOwnListSoANewFormatNeedsAReader() {
        assertTrue(SecretLeakTest.routesGet(app).contains("/api/v1/rapports/{id}.xlsx"));
        assertFalse(SecretLeakTest.READERS.containsKey("/api/v1/rapports/{id}.xlsx"));
    }

    @Test
    void jsonReaderReadsCountsAndMaskedCellsAndReportsAnUnlistedNull() {
        RESPONSES.put("json", DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}"));
        Read read = single(SecretReaders.json("/api/v1/rapports/{id}", new Context(client, REQUEST)));
        assertEquals(List.of(), read.inconsistencies());
        assertEquals(3, read.counts().size(), "two lines and the total, count column only");
        assertTrue(read.counts().get(1).mask());
        assertEquals(0, new BigDecimal("1240").compareTo(read.counts().get(2).value()));

        RESPONSES.put("json", DOCUMENT.formatted("null", ""));
        assertTrue(single(SecretReaders.json("/api/v1/rapports/{id}", new Context(client, REQUEST))).inconsistencies()
                .get(0).contains("null count not listed in masques"));
    }

    @Test
    void csvReaderMapsHeadersThroughJsonColumns() {
        RESPONSES.put("json", DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}"));
        RESPONSES.put("csv", "\uFEFFÂge;Demandes;Part (%)\r\nMoins de 25 ans;1234;5,0\r\n25 ans et plus;s;s\r\nTotal;7;100,0\r\n");
        Read read = single(SecretReaders.csv("/api/v1/rapports/{id}.csv", new Context(client, REQUEST)));
        assertEquals(List.of(), read.inconsistencies());
        assertEquals(List.of("1234", "s", "7"), read.counts().stream().map(CellRead::text).toList());

        RESPONSES.put("csv", "\uFEFFÂge;Effectif;Part (%)\r\nTotal;7;100,0\r\n");
        assertTrue(single(SecretReaders.csv("/api/v1/rapports/{id}.csv", new Context(client, REQUEST))).inconsistencies()
                .get(0).contains("differs from the JSON colonnes"));
    }

    @Test
    void pageReaderReadsTableChartDataAndFiguresInDataAttributes() {
        String document = DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}");
        RESPONSES.put("json", document);
        RESPONSES.put("page", PAGE.formatted("data-effectif=\"7\"", document, ""));
        List<Read> read = SecretReaders.page("/rapports/{id}", new Context(client, REQUEST));

        Map<String, Read> byFormat = new HashMap<>();
        read.forEach(l -> byFormat.put(l.format(), l));
        read.forEach(l -> assertEquals(List.of(), l.inconsistencies(), l.format()));
        assertEquals(Arrays.asList("1234", null, "1240"), values(byFormat.get(SecretReaders.HTML_TABLE)));
        assertTrue(byFormat.get(SecretReaders.HTML_TABLE).counts().get(1).mask());
        assertEquals(Arrays.asList("1234", null, "1240"), values(byFormat.get(SecretReaders.HTML_CHART)));
        assertEquals(List.of("7"), values(byFormat.get(SecretReaders.HTML_ATTRIBUTES)), "a data-* attribute's figures");
    }

    @Test
    void pageReaderReportsWhatItCannotRead() {
        String document = DOCUMENT.formatted("null", "{\"ligne\":\"b\",\"colonne\":\"effectif\"}");
        RESPONSES.put("json", document);
        RESPONSES.put("page", PAGE.formatted("data-chart-max=\"\"", document,
                "<table><tr><td>3</td></tr></table><script>var n = 3;</script>"));
        List<String> inconsistencies = SecretReaders.page("/rapports/{id}", new Context(client, REQUEST)).stream()
                .flatMap(l -> l.inconsistencies().stream()).toList();

        assertTrue(inconsistencies.stream().anyMatch(i -> i.contains("2 <table> in the page")), inconsistencies.toString());
        assertTrue(inconsistencies.stream().anyMatch(i -> i.contains("an inline <script")), inconsistencies.toString());
    }

    private static Read single(List<Read> reads) {
        assertEquals(1, reads.size());
        return reads.get(0);
    }

    private static List<String> values(Read read) {
        return read.counts().stream().map(c -> c.value() == null ? null : c.value().toPlainString()).toList();
    }
}
