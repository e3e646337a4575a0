package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.SqliteAuditLog;
import fr.infocentre.api.accounts.TestClock;
import fr.infocentre.api.gestion.GestionOptions;
import fr.infocentre.warehouse.Releases;
import io.javalin.Javalin;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static fr.infocentre.api.Rapport06Warehouse.G1;
import static fr.infocentre.api.Rapport06Warehouse.G2;
import static fr.infocentre.api.Rapport06Warehouse.G3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rapport 06 in the espace gestionnaire, over the série 06 fixture ({@link Rapport06Warehouse}, extraction
 * 2025-04-10). Every expected figure is the hand-computed one of the warehouse's {@code attendus-serie-06.md}
 * (sections 2, 4 and 5), never the code's output: the table (JSON, page, CSV), the demandes behind an indicator
 * (JSON, page, XLSX read back with POI), the audit log's entries for them, the diffusable version (no count 1 to 10
 * shown), a guichet's months, and who may see what.
 */
@ExtendWith(InfocentreServer.class)
class Rapport06RoutesTest {

    private static final String Q1 = "2025-T1";
    private static final List<String> KEYS = List.of("creees", "creees_pgp", "delai_enregistrement",
            "enregistrees_plus_1_mois", "pct_enregistrees_plus_1_mois", "renouvellements", "modifications",
            "attributions_saisies", "delai_saisie", "saisies_plus_30_jours", "pct_saisies_plus_30_jours",
            "radiations_renonciation", "radiations_irrecevabilite", "radiations_absence_reponse",
            "radiations_non_renouvellement", "reactivations", "doublons_forces", "pct_doublons_forces",
            "doublons_potentiels", "incompletes", "pct_completes", "sans_pieces", "pct_avec_pieces",
            "attributions_incompletes", "pct_attributions_incompletes", "stock", "attributions_sur_radiee");
    /** attendus-serie-06.md, section 2 (2025-T1), in the order of KEYS. */
    private static final Map<String, Number> Q1_G1 = expected(7, 2, 14.9, 2, 28.6, 2, 2, 3, 2.0, 0, 0.0, 1, 0, 1, 2, 1,
            1, 14.3, 1, 1, 85.7, 4, 69.2, 1, 33.3, 13, 0);
    private static final Map<String, Number> Q1_G2 = expected(4, 1, 0.5, 0, 0.0, 1, 1, 2, 30.5, 1, 50.0, 0, 1, 1, 2, 1,
            0, 0.0, 1, 2, 50.0, 4, 55.6, 0, 0.0, 9, 1);
    private static final Map<String, Number> Q1_REF = expected(11, 3, 9.6, 2, 18.2, 3, 3, 5, 13.4, 1, 20.0, 1, 1, 2, 4,
            2, 1, 9.1, 2, 3, 72.7, 8, 63.6, 1, 20.0, 22, 1);
    private static final Set<String> Q1_G1_FLAGS = Set.of("delai_enregistrement", "pct_enregistrees_plus_1_mois",
            "pct_attributions_incompletes");
    private static final Set<String> Q1_G2_FLAGS = Set.of("delai_saisie", "pct_saisies_plus_30_jours",
            "radiations_irrecevabilite", "pct_completes", "attributions_sur_radiee");
    private static final Set<String> Q1_REF_FLAGS = Set.of("pct_enregistrees_plus_1_mois", "pct_saisies_plus_30_jours",
            "pct_attributions_incompletes", "attributions_sur_radiee");
    private static final String LATE = "/api/v1/gestion/rapport06/demandes?indicateur=pct_enregistrees_plus_1_mois&guichet="
            + G1 + "&periode=" + Q1;

    private static GestionServer server;
    private static WebSession jdupont;

    @BeforeAll
    static void start(Releases releases) {
        server = GestionServer.start(releases);
        jdupont = server.loggedIn("jdupont");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Number> expected(Number... values) {
        Map<String, Number> m = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            m.put(KEYS.get(i), values[i]);
        }
        return m;
    }

    private static JsonNode json(WebSession browser, String path) {
        HttpResponse<String> r = browser.get(path);
        assertEquals(200, r.statusCode(), path + " → " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        return Client.read(r.body());
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (r.get("code").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row " + code + " in " + rows);
    }

    private static void same(Map<String, Number> expected, Set<String> flags, JsonNode row) {
        String what = row.get("code").asText();
        for (Map.Entry<String, Number> e : expected.entrySet()) {
            JsonNode v = row.get("valeurs").get(e.getKey());
            assertNotNull(v, what + " " + e.getKey());
            if (e.getValue() instanceof Integer n) {
                assertTrue(v.isIntegralNumber(), what + " " + e.getKey() + ": a count " + v);
                assertEquals(n.longValue(), v.asLong(), what + " " + e.getKey());
            } else {
                assertEquals(e.getValue().doubleValue(), v.asDouble(), 1e-9, what + " " + e.getKey());
            }
        }
        assertEquals(new TreeSet<>(flags), texts(row.get("signales")), what + " flags");
        assertEquals(Set.of(), texts(row.get("masques")), what + ": nothing masked in the exact version");
    }

    private static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- the table ----

    @Test
    void theFirstQuarterOfTheAlpesMaritimesAsJson() {
        JsonNode t = json(jdupont, "/api/v1/gestion/rapport06?departement=06&periode=" + Q1);
        assertEquals("TAB06-01", t.get("rapport").asText());
        assertEquals("exacte", t.get("version").asText());
        assertEquals("2025-04-10", t.get("donnees_au").asText());
        assertEquals("2025-01-01", t.at("/periode/debut").asText());
        assertEquals("2025-03-31", t.at("/periode/fin").asText());
        assertTrue(t.at("/periode/achevee").asBoolean());
        assertEquals("Alpes-Maritimes", t.at("/perimetre/nom").asText());
        assertEquals(List.of(G1, G2), StreamSupport.stream(t.get("guichets").spliterator(), false)
                .map(r -> r.get("code").asText()).toList(), "G06009, closed since 2023, has no activity: not listed");
        same(Q1_G1, Q1_G1_FLAGS, row(t.get("guichets"), G1));
        same(Q1_G2, Q1_G2_FLAGS, row(t.get("guichets"), G2));
        assertEquals(1, t.get("references").size());
        same(Q1_REF, Q1_REF_FLAGS, row(t.get("references"), "06"));
        JsonNode threshold = StreamSupport.stream(t.get("indicateurs").spliterator(), false)
                .filter(i -> i.get("cle").asText().equals("delai_enregistrement")).findFirst().orElseThrow();
        assertEquals("jours", threshold.get("unite").asText());
        assertEquals(3, threshold.get("numero").asInt());
        assertTrue(threshold.get("seuil").asText().contains("5 jours"), threshold.toString());
    }

    @Test
    void theTablePageFlagsEachValueOutsideItsThresholdAndLinksItsDemandes() {
        HttpResponse<String> r = jdupont.get("/gestion/rapport06?departement=06&periode=" + Q1);
        assertEquals(200, r.statusCode());
        String page = r.body();
        assertTrue(page.contains("Données au <strong>10 avril 2025</strong>"), "the data's date");
        assertTrue(page.contains("Département 06 – Alpes-Maritimes"), "the scope");
        assertTrue(page.contains("1er trimestre 2025 (du 01/01/2025 au 31/03/2025)"), "the period");
        assertTrue(page.contains("<strong>12</strong> valeurs hors seuil"), "3 for G1, 5 for G2, 4 for the reference line");
        assertTrue(page.contains("Chiffres exacts, réservés aux gestionnaires habilités"));

        Map<String, String> g1 = cells(page, G1), g2 = cells(page, G2), ref = cells(page, "06");
        assertEquals(KEYS.size(), g1.size(), "one cell per indicator");
        // a flagged value: marked, its threshold in its title and in a text read aloud, linked to its demandes
        String late = g1.get("pct_enregistrees_plus_1_mois");
        assertTrue(late.contains("r06-flagged") && late.contains("title=\"Hors seuil – Signalé au-delà de 0 %\""), late);
        assertTrue(late.contains(">28,6</a>") && late.contains("(hors seuil : Signalé au-delà de 0 %)"), late);
        assertTrue(late.contains("href=\"/gestion/rapport06/demandes?indicateur=pct_enregistrees_plus_1_mois&amp;guichet="
                + G1 + "&amp;periode=" + Q1 + "\""), late);
        assertTrue(g1.get("delai_enregistrement").contains(">14,9</a>"), g1.get("delai_enregistrement"));
        assertEquals(Q1_G1_FLAGS, flagged(g1));
        assertEquals(Q1_G2_FLAGS, flagged(g2));
        assertEquals(Q1_REF_FLAGS, flagged(ref));
        // a value of 0 lists nothing: no link; a reference line has no list
        assertFalse(g2.get("pct_enregistrees_plus_1_mois").contains("<a "), g2.get("pct_enregistrees_plus_1_mois"));
        assertTrue(g2.get("pct_enregistrees_plus_1_mois").contains("0,0"));
        assertTrue(ref.values().stream().noneMatch(c -> c.contains("<a ")), "no list behind a reference line");
        assertTrue(ref.get("stock").contains(">22<"), ref.get("stock"));
        assertTrue(g2.get("delai_saisie").contains(">30,5</a>"));
        // units and the guichet's months
        assertTrue(page.contains("Délai moyen d&#39;enregistrement (jours)<span class=\"r06-unit\">en jours</span>")
                || page.contains("Délai moyen d'enregistrement (jours)<span class=\"r06-unit\">en jours</span>"), "units");
        assertTrue(page.contains("href=\"/gestion/guichets/" + G1 + "\""), "the guichet's months");
        assertTrue(page.contains("href=\"/api/v1/gestion/rapport06?departement=06&amp;periode=" + Q1 + "\""), "its JSON");
        assertTrue(page.contains("href=\"/gestion/rapport06/diffusable?departement=06&amp;periode=2024\""),
                "the diffusable version of the last year over");
    }

    /** The cells of a row of the table page, by indicator: the HTML of each td. */
    private static Map<String, String> cells(String page, String code) {
        Matcher row = Pattern.compile("<tr class=\"[^\"]*\" data-code=\"" + Pattern.quote(code) + "\">(.*?)</tr>",
                Pattern.DOTALL).matcher(page);
        assertTrue(row.find(), "no row " + code);
        Map<String, String> cells = new LinkedHashMap<>();
        Matcher td = Pattern.compile("<td class=\"([^\"]*)\" data-indicateur=\"([^\"]+)\"(.*?)</td>", Pattern.DOTALL)
                .matcher(row.group(1));
        while (td.find()) {
            cells.put(td.group(2), "class=\"" + td.group(1) + "\"" + td.group(3) + "</td>");
        }
        return cells;
    }

    private static Set<String> flagged(Map<String, String> cells) {
        return cells.entrySet().stream().filter(e -> e.getValue().contains("r06-flagged")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    void theTableAsCsv() {
        HttpResponse<String> r = jdupont.get("/api/v1/gestion/rapport06.csv?departement=06&periode=" + Q1);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("")
                .contains("TAB06-01_exact_departement_06_2025-T1.csv"), r.headers().map().toString());
        List<String> lines = r.body().lines().toList();
        assertTrue(lines.get(0).startsWith("\uFEFFLigne;Code;Nom;Département;Demandes créées;"), lines.get(0));
        assertEquals(4, lines.size(), "header, G1, G2, the reference line");
        assertTrue(lines.get(1).startsWith("guichet;" + G1 + ";Azur Habitat;06;7;2;14,9;2;28,6;"), lines.get(1));
        assertTrue(lines.get(3).startsWith("département (référence);06;Alpes-Maritimes;06;11;3;9,6;"), lines.get(3));
    }

    @Test
    void theDefaultPageIsTheAccountsFirstDepartementForTheLastMonthOver() {
        String page = jdupont.get("/gestion/rapport06").body();
        assertTrue(page.contains("Département 06 – Alpes-Maritimes"), "06");
        assertTrue(page.contains("mars 2025 (du 01/03/2025 au 31/03/2025)"), "March 2025, the last month over on 2025-04-10");
        assertTrue(page.contains("<option value=\"2025-T1\">1er trimestre 2025</option>"), "the quarters offered");
        assertTrue(page.contains("<option value=\"2025-04\">avril 2025 (en cours)</option>"), "the month in progress");
        assertFalse(page.contains("<option value=\"2023"), "nothing before the kept history (2024)");
        assertFalse(page.contains("G69001"), "the guichets offered are the account's");
        // G1 in March 2025 (section 5): créées 2, délai 16.0 flagged
        assertTrue(cells(page, G1).get("delai_enregistrement").contains(">16,0</a>"));
        assertTrue(cells(page, G1).get("delai_enregistrement").contains("r06-flagged"));

        WebSession autre = server.loggedIn("autre");
        HttpResponse<String> none = autre.get("/gestion/rapport06");
        assertEquals(200, none.statusCode());
        assertTrue(none.body().contains("Aucun des territoires de votre compte n&#39;est couvert")
                || none.body().contains("Aucun des territoires de votre compte n'est couvert"), none.body());
        assertFalse(none.body().contains("Alpes-Maritimes") || none.body().contains(G1), "nothing of 06");
    }

    @Test
    void aGuichetsAndARegionsTables() {
        JsonNode guichet = json(jdupont, "/api/v1/gestion/rapport06?guichet=" + G2 + "&periode=" + Q1);
        assertEquals(1, guichet.get("guichets").size());
        same(Q1_G2, Q1_G2_FLAGS, row(guichet.get("guichets"), G2));
        same(Q1_REF, Q1_REF_FLAGS, row(guichet.get("references"), "06"));

        WebSession paca = server.loggedIn("paca");
        JsonNode region = json(paca, "/api/v1/gestion/rapport06?region=93&periode=" + Q1);
        assertEquals(List.of(G1, G2), StreamSupport.stream(region.get("guichets").spliterator(), false)
                .map(r -> r.get("code").asText()).toList());
        same(Q1_REF, Q1_REF_FLAGS, row(region.get("references"), "06"));
        same(Q1_REF, Q1_REF_FLAGS, row(region.get("references"), "93"));
        assertTrue(paca.get("/gestion/rapport06?region=93&periode=" + Q1).body().contains("Région 93 – "));
        assertTrue(paca.get("/gestion/rapport06").body().contains("<select id=\"r06-region\" name=\"region\">"),
                "an État account chooses its région");

        JsonNode lyon = json(server.loggedIn("admin"), "/api/v1/gestion/rapport06?departement=69&periode=" + Q1);
        JsonNode g3 = row(lyon.get("guichets"), G3);
        assertEquals(1, g3.at("/valeurs/creees").asLong());
        assertEquals(1, g3.at("/valeurs/modifications").asLong(), "A01's modification by G3 is G3's act");
        assertEquals(2, g3.at("/valeurs/stock").asLong());
        assertEquals(0, g3.at("/valeurs/doublons_potentiels").asLong());
    }

    // ---- who may see what ----

    @Test
    void anotherDepartementsTerritoriesAreRefused() {
        WebSession autre = server.loggedIn("autre");
        for (String path : List.of("/gestion/rapport06?departement=06&periode=" + Q1,
                "/gestion/rapport06/diffusable?departement=06&periode=2024",
                "/gestion/rapport06?guichet=" + G1 + "&periode=" + Q1,
                "/api/v1/gestion/rapport06?departement=06&periode=" + Q1,
                "/api/v1/gestion/rapport06.csv?departement=06&periode=" + Q1,
                "/api/v1/gestion/rapport06/diffusable?departement=06&periode=2024",
                "/gestion/rapport06/demandes?indicateur=stock&guichet=" + G1 + "&periode=" + Q1,
                "/api/v1/gestion/rapport06/demandes?indicateur=stock&guichet=" + G1 + "&periode=" + Q1,
                "/api/v1/gestion/rapport06/demandes.xlsx?indicateur=stock&guichet=" + G1 + "&periode=" + Q1,
                "/gestion/guichets/" + G1, "/api/v1/gestion/guichets/" + G1 + "/evolution")) {
            HttpResponse<String> r = autre.get(path);
            assertEquals(403, r.statusCode(), path);
            assertFalse(r.body().contains("06-A") || r.body().contains("Azur"), path);
            assertEquals(200, jdupont.get(path).statusCode(), "served to the gestionnaire of 06: " + path);
        }
        // a gestionnaire of 06 sees neither the guichets of 69 nor a région
        assertEquals(403, jdupont.get("/gestion/guichets/" + G3).statusCode());
        assertEquals(403, jdupont.get("/api/v1/gestion/rapport06/demandes?indicateur=stock&guichet=" + G3
                + "&periode=" + Q1).statusCode());
        assertEquals(403, jdupont.get("/api/v1/gestion/rapport06?departement=69&periode=" + Q1).statusCode());
        assertEquals(403, jdupont.get("/api/v1/gestion/rapport06?region=93&periode=" + Q1).statusCode(),
                "a région is for État accounts of that région");
        assertEquals(403, jdupont.get("/gestion/guichets/INCONNU").statusCode(), "an unknown guichet: as one outside");
    }

    @Test
    void wrongRequestsAreNamedInFrench() {
        JsonNode twoScopes = Client.read(jdupont.get("/api/v1/gestion/rapport06?departement=06&guichet=" + G1
                + "&periode=" + Q1).body());
        assertTrue(twoScopes.get("erreur").asText().startsWith("Un seul périmètre"), twoScopes.toString());
        assertEquals(400, jdupont.get("/api/v1/gestion/rapport06?departement=06&guichet=" + G1 + "&periode=" + Q1)
                .statusCode());
        assertEquals(400, jdupont.get("/api/v1/gestion/rapport06?departement=06").statusCode(), "no period");
        assertEquals(400, jdupont.get("/api/v1/gestion/rapport06?periode=" + Q1).statusCode(), "no scope");
        HttpResponse<String> badPeriod = jdupont.get("/api/v1/gestion/rapport06?departement=06&periode=2025-T5");
        assertEquals(400, badPeriod.statusCode());
        assertEquals("periode", Client.read(badPeriod.body()).get("parametre").asText());
        assertEquals(400, jdupont.get("/api/v1/gestion/rapport06?departement=06&periode=2023").statusCode(),
                "before the kept history");
        HttpResponse<String> indicator = jdupont.get("/api/v1/gestion/rapport06/demandes?indicateur=inconnu&guichet="
                + G1 + "&periode=" + Q1);
        assertEquals(400, indicator.statusCode());
        assertEquals("indicateur", Client.read(indicator.body()).get("parametre").asText());
        assertEquals(400, jdupont.get("/api/v1/gestion/rapport06/demandes?guichet=" + G1 + "&periode=" + Q1).statusCode());
        assertEquals(400, jdupont.get("/api/v1/gestion/rapport06/demandes?indicateur=stock&guichet=" + G1).statusCode());
        assertEquals(400, jdupont.get(LATE + "&limite=0").statusCode());
        assertEquals(400, jdupont.get("/api/v1/gestion/guichets/" + G1 + "/evolution?mois=25").statusCode());
        HttpResponse<String> page = jdupont.get("/gestion/rapport06?departement=06&periode=douze");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Période invalide"), "an error page in French");
    }

    // ---- the demandes behind an indicator ----

    @Test
    void theDemandesBehindAFlaggedIndicator() {
        JsonNode l = json(jdupont, LATE);
        assertEquals(2, l.get("total").asLong(), "A12 and A16 (section 2)");
        assertFalse(l.get("tronquee").asBoolean());
        assertEquals(List.of("numero_unique", "canal", "date_depot", "date_enregistrement", "delai_jours"),
                StreamSupport.stream(l.get("champs").spliterator(), false).map(f -> f.get("cle").asText()).toList());
        assertEquals("Numéro unique", l.at("/champs/0/libelle").asText());
        JsonNode a12 = l.at("/demandes/0");
        assertEquals("06-A12", a12.get("numero_unique").asText());
        assertEquals("GUICHET", a12.get("canal").asText());
        assertEquals("2024-12-02", a12.get("date_depot").asText());
        assertEquals("2025-01-13", a12.get("date_enregistrement").asText());
        assertEquals(42, a12.get("delai_jours").asLong());
        assertEquals("06-A16", l.at("/demandes/1/numero_unique").asText());
        assertEquals(29, l.at("/demandes/1/delai_jours").asLong());
        assertEquals("enregistrees_plus_1_mois", l.at("/indicateur/demandes").asText());

        JsonNode stock = json(jdupont, "/api/v1/gestion/rapport06/demandes?indicateur=stock&guichet=" + G1
                + "&periode=" + Q1 + "&limite=2");
        assertEquals(13, stock.get("total").asLong());
        assertTrue(stock.get("tronquee").asBoolean());
        assertEquals(List.of("06-A01", "06-A02"), StreamSupport.stream(stock.get("demandes").spliterator(), false)
                .map(d -> d.get("numero_unique").asText()).toList());

        JsonNode radiee = json(jdupont, "/api/v1/gestion/rapport06/demandes?indicateur=attributions_sur_radiee&guichet="
                + G2 + "&periode=" + Q1);
        assertEquals("06-B07", radiee.at("/demandes/0/numero_unique").asText());
        assertEquals("2024-11-20", radiee.at("/demandes/0/date_radiation_anterieure").asText());
        assertEquals("RENONCIATION", radiee.at("/demandes/0/motif_radiation_anterieure").asText());

        String page = jdupont.get("/gestion/rapport06/demandes?indicateur=pct_enregistrees_plus_1_mois&guichet=" + G1
                + "&periode=" + Q1).body();
        assertTrue(page.contains("<th scope=\"row\">06-A12</th><td>GUICHET</td><td>02/12/2024</td><td>13/01/2025</td><td>42</td>"),
                page);
        assertTrue(page.contains("<th scope=\"row\">06-A16</th><td>GUICHET</td><td>31/01/2025</td><td>01/03/2025</td><td>29</td>"));
        assertTrue(page.contains("<strong>2</strong> lignes"));
        assertTrue(page.contains("Date d&#39;enregistrement") || page.contains("Date d'enregistrement"), "French labels");
        assertTrue(page.contains("Signalé au-delà de 0 %"), "the threshold");
        assertTrue(page.contains("href=\"/api/v1/gestion/rapport06/demandes.xlsx?indicateur=pct_enregistrees_plus_1_mois&amp;guichet="
                + G1 + "&amp;periode=" + Q1 + "\" download=\"TAB06-01_demandes_B06001_pct_enregistrees_plus_1_mois_2025-T1.xlsx\""),
                "its download");
        assertFalse(page.contains("Liste tronquée"));
    }

    @Test
    void theListDownloadsAsAWorkbookHoldingItsRows() throws IOException {
        HttpResponse<byte[]> r = bytes(jdupont, LATE.replace("/demandes?", "/demandes.xlsx?"));
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"TAB06-01_demandes_B06001_pct_enregistrees_plus_1_mois_2025-T1.xlsx\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        List<List<Object>> rows = workbookRows(r.body());
        assertEquals(List.of("Numéro unique", "Canal de dépôt", "Date de dépôt", "Date d'enregistrement", "Délai (jours)"),
                rows.get(0));
        assertEquals(List.of("06-A12", "GUICHET", LocalDate.of(2024, 12, 2), LocalDate.of(2025, 1, 13), 42.0), rows.get(1));
        assertEquals(List.of("06-A16", "GUICHET", LocalDate.of(2025, 1, 31), LocalDate.of(2025, 3, 1), 29.0), rows.get(2));
        assertEquals(3, rows.size(), "the header and the 2 demandes");

        // every demande of the stock (13, section 2), one row each
        List<List<Object>> stock = workbookRows(bytes(jdupont, "/api/v1/gestion/rapport06/demandes.xlsx?indicateur=stock&guichet="
                + G1 + "&periode=" + Q1).body());
        assertEquals(List.of("06-A01", "06-A02", "06-A03", "06-A05", "06-A11", "06-A12", "06-A13", "06-A14", "06-A15",
                "06-A16", "06-A17", "06-A18", "06-A19"), stock.subList(1, stock.size()).stream().map(l -> l.get(0)).toList());
    }

    @Test
    void theListOpensInLibreOffice() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(LibreOffice.available(),
                "soffice not found: run .ci/install-test-tools to run this test");
        Path folder = Files.createTempDirectory("infocentre-liste-");
        try {
            Path workbook = folder.resolve("liste.xlsx");
            Files.write(workbook, bytes(jdupont, LATE.replace("/demandes?", "/demandes.xlsx?")).body());
            LibreOffice.Conversion conversion = LibreOffice.toCsv(folder, true, List.of(workbook));
            assertEquals(0, conversion.exitCode(), conversion.stderr());
            String csv = Files.readString(conversion.written().get(0));
            List<String> table = csv.lines().dropWhile(l -> !l.startsWith("\"Numéro unique\"")).toList();
            assertEquals(3, table.size(), csv);
            assertEquals("\"Numéro unique\",\"Canal de dépôt\",\"Date de dépôt\",\"Date d'enregistrement\",\"Délai (jours)\"",
                    table.get(0));
            // texts quoted; dates and numbers not: cells of their type, shown in the workbook's formats
            assertEquals("\"06-A12\",\"GUICHET\",02/12/2024,13/01/2025,42", table.get(1));
            assertEquals("\"06-A16\",\"GUICHET\",31/01/2025,01/03/2025,29", table.get(2));
        } finally {
            ReleasedFixture.delete(folder);
        }
    }

    /** The table of the workbook's sheet « Demandes »: from its header row (« Numéro unique ») on, cell values. */
    static List<List<Object>> workbookRows(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Demandes");
            assertNotNull(sheet, "sheet Demandes");
            List<List<Object>> rows = new ArrayList<>();
            boolean table = false;
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                if (!table && first != null && first.getCellType() == CellType.STRING
                        && first.getStringCellValue().equals("Numéro unique")) {
                    table = true;
                }
                if (!table) {
                    continue;
                }
                List<Object> values = new ArrayList<>();
                for (int j = 0; j < row.getLastCellNum(); j++) {
                    Cell c = row.getCell(j);
                    if (c == null || c.getCellType() == CellType.BLANK) {
                        values.add(null);
                    } else if (c.getCellType() == CellType.NUMERIC) {
                        values.add(DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue().toLocalDate()
                                : (Object) c.getNumericCellValue());
                    } else {
                        assertTrue(c.getCellType() == CellType.STRING, "no formula: " + c.getCellType());
                        values.add(c.getStringCellValue());
                    }
                }
                rows.add(values);
            }
            assertTrue(table, "no header row « Numéro unique »");
            return rows;
        }
    }

    /** A GET of bytes, with the browser's cookies. */
    static HttpResponse<byte[]> bytes(WebSession browser, String path) {
        String cookies = browser.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + path))
                    .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theAuditLogRecordsWhoListedAndExportedWhichDemandes() {
        WebSession browser = server.loggedIn("jdupont");
        String query = "?indicateur=delai_saisie&guichet=" + G2 + "&periode=" + Q1;
        assertEquals(200, browser.get("/gestion/rapport06/demandes" + query).statusCode());
        assertEquals(200, bytes(browser, "/api/v1/gestion/rapport06/demandes.xlsx" + query).statusCode());
        assertEquals(200, browser.get("/api/v1/gestion/rapport06/demandes" + query).statusCode());

        List<AuditEntry> entries = server.accounts.audit().newestFirst(0, 200).stream().map(SqliteAuditLog.Stored::entry)
                .filter(e -> e.login().equals("jdupont") && e.parameters().getOrDefault("indicateur", List.of())
                        .equals(List.of("delai_saisie")))
                .toList();
        AuditEntry json = entries.get(0), export = entries.get(1), page = entries.get(2);
        assertEquals("GET /gestion/rapport06/demandes", page.route());
        assertEquals("consultation", page.action());
        assertEquals(2L, page.rows(), "B08 and B07: the 2 attributions whose mean it is (section 2)");
        assertEquals(200, page.status());
        assertEquals(Map.of("indicateur", List.of("delai_saisie"), "guichet", List.of(G2), "periode", List.of(Q1)),
                page.parameters());
        assertEquals("GET /api/v1/gestion/rapport06/demandes.xlsx", export.route());
        assertEquals("export", export.action());
        assertEquals(2L, export.rows());
        assertEquals(Map.of("indicateur", List.of("delai_saisie"), "guichet", List.of(G2), "periode", List.of(Q1)),
                export.parameters());
        assertEquals("GET /api/v1/gestion/rapport06/demandes", json.route());
        assertEquals(2L, json.rows());
        assertTrue(!export.at().isBefore(page.at()) && !json.at().isBefore(export.at()), "in order");

        // a refused list is recorded as refused
        server.loggedIn("autre").get("/gestion/rapport06/demandes" + query);
        AuditEntry refused = server.accounts.audit().newestFirst(0, 1).get(0).entry();
        assertEquals("autre", refused.login());
        assertEquals("refus", refused.action());
        assertEquals(403, refused.status());
        assertNull(refused.rows());
    }

    // ---- the diffusable version ----

    @Test
    void theDiffusableVersionShowsNoCountFrom1To10() {
        JsonNode exact = json(jdupont, "/api/v1/gestion/rapport06?departement=06&periode=2024");
        for (String path : List.of("/api/v1/gestion/rapport06/diffusable?departement=06&periode=2024",
                "/api/v1/gestion/rapport06/diffusable?guichet=" + G1 + "&periode=2024")) {
            JsonNode d = json(jdupont, path);
            assertEquals("diffusable", d.get("version").asText());
            assertTrue(texts(d.get("notes")).stream().anyMatch(n -> n.startsWith("s : secret statistique")), d.get("notes").toString());
            Set<String> counts = StreamSupport.stream(d.get("indicateurs").spliterator(), false)
                    .filter(i -> i.get("type").asText().equals("EFFECTIF")).map(i -> i.get("cle").asText())
                    .collect(Collectors.toSet());
            assertTrue(counts.contains("stock") && counts.contains("creees"));
            int masked = 0;
            List<JsonNode> rows = new ArrayList<>();
            d.get("guichets").forEach(rows::add);
            d.get("references").forEach(rows::add);
            for (JsonNode row : rows) {
                Set<String> masks = texts(row.get("masques"));
                masked += masks.size();
                for (String k : counts) {
                    JsonNode v = row.get("valeurs").get(k);
                    String what = path + " " + row.get("code").asText() + " " + k;
                    if (masks.contains(k)) {
                        assertTrue(v.isNull(), what + ": a masked cell is null");
                    } else {
                        assertFalse(v.asLong() >= 1 && v.asLong() <= 10, what + " = " + v);
                    }
                }
                // a figure shown is the exact one
                JsonNode same = StreamSupport.stream(exact.get(row.get("type").asText().equals("guichet") ? "guichets"
                        : "references").spliterator(), false).filter(r -> r.get("code").equals(row.get("code")))
                        .findFirst().orElse(null);
                if (same != null) {
                    row.get("valeurs").fields().forEachRemaining(e -> {
                        if (!masks.contains(e.getKey())) {
                            assertEquals(same.get("valeurs").get(e.getKey()), e.getValue(), path + " " + e.getKey());
                        }
                    });
                }
            }
            assertTrue(masked > 0, "the fixture's small counts are masked: " + path);
        }

        String page = jdupont.get("/gestion/rapport06/diffusable?departement=06&periode=2024").body();
        assertTrue(page.contains("Version diffusable : le secret statistique est appliqué"), "the page says so");
        assertTrue(page.contains("transmise au comité de suivi et aux partenaires"));
        assertTrue(page.contains("<span aria-current=\"page\">Version diffusable</span>"));
        assertFalse(page.contains("/gestion/rapport06/demandes?"), "no list of demandes from the diffusable version");
        assertTrue(page.contains("<abbr title=\"secret statistique\">s</abbr>"));
        for (String code : List.of(G1, G2, "G06009", "06")) {
            Map<String, String> cells = cells(page, code);
            assertEquals(KEYS.size(), cells.size(), code);
            for (String k : List.of("creees", "creees_pgp", "renouvellements", "modifications", "attributions_saisies",
                    "stock", "doublons_potentiels", "sans_pieces", "incompletes")) {
                Matcher figure = Pattern.compile(">(\\d+)<").matcher(cells.get(k));
                if (figure.find()) {
                    int n = Integer.parseInt(figure.group(1));
                    assertFalse(n >= 1 && n <= 10, code + " " + k + " shows " + n);
                }
            }
        }
        // offered for calendar years over only
        assertEquals(400, jdupont.get("/api/v1/gestion/rapport06/diffusable?departement=06&periode=" + Q1).statusCode());
        assertEquals(400, jdupont.get("/api/v1/gestion/rapport06/diffusable?departement=06&periode=2025").statusCode(),
                "2025 is in progress on 2025-04-10");
        assertTrue(jdupont.get("/api/v1/gestion/rapport06/diffusable.csv?departement=06&periode=2024").body()
                .contains(";s;"), "the CSV shows s");
    }

    // ---- a guichet's months ----

    @Test
    void aGuichetsLast12Months() {
        JsonNode e = json(jdupont, "/api/v1/gestion/guichets/" + G1 + "/evolution");
        assertEquals(List.of("2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12",
                "2025-01", "2025-02", "2025-03", "2025-04"), column(e, "cle", null));
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 2L, 3L, 2L, 0L), column(e, "guichet", "creees"));
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 11L, 11L, 14L, 13L, 13L), column(e, "guichet", "stock"));
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L, 0L, 1L, 0L), column(e, "guichet", "attributions_saisies"));
        assertEquals(19L, e.at("/mois/8/reference/valeurs/stock").asLong(), "ref 06 in January");
        assertEquals(21L, e.at("/mois/9/reference/valeurs/stock").asLong());
        assertEquals(22L, e.at("/mois/10/reference/valeurs/stock").asLong());
        assertEquals(Set.of("pct_enregistrees_plus_1_mois"), texts(e.at("/mois/8/guichet/signales")), "January");
        assertEquals(Set.of("delai_enregistrement", "pct_enregistrees_plus_1_mois", "pct_attributions_incompletes"),
                texts(e.at("/mois/10/guichet/signales")), "March");
        assertEquals(21.0, e.at("/mois/8/guichet/valeurs/delai_enregistrement").asDouble(), 1e-9);
        assertTrue(e.at("/mois/11/guichet/valeurs/delai_enregistrement").isNull(), "April: nothing created, no mean");
        assertFalse(e.at("/mois/11/achevee").asBoolean());
        assertEquals("2025-04-10", e.at("/mois/11/fin").asText());

        JsonNode g2 = json(jdupont, "/api/v1/gestion/guichets/" + G2 + "/evolution?mois=3&indicateur=stock");
        assertEquals(List.of(7L, 9L, 9L), column(g2, "guichet", "stock"));
        assertEquals(1, g2.get("indicateurs").size());

        HttpResponse<String> page = jdupont.get("/gestion/guichets/" + G1);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("Guichet " + G1 + " – Azur Habitat"));
        assertTrue(html.contains("<script type=\"application/json\" id=\"evolution-data\">{"), "the JSON twin embedded");
        assertEquals(22, count(html, "class=\"r06-chart-area\""), "a chart per indicator of the series (n° 15 twice)");
        assertTrue(html.contains("de mai 2024 à avril 2025 (en cours : compté jusqu&#39;au 10/04/2025)")
                || html.contains("de mai 2024 à avril 2025 (en cours : compté jusqu'au 10/04/2025)"), "its months");
        assertTrue(html.contains("/static/js/gestion-rapport06-evolution.js"));
    }

    private static List<Object> column(JsonNode e, String side, String key) {
        List<Object> values = new ArrayList<>();
        for (JsonNode m : e.get("mois")) {
            values.add(key == null ? m.get(side).asText() : (Object) m.get(side).get("valeurs").get(key).asLong());
        }
        return values;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    // ---- without a weekly warehouse ----

    @Test
    void withoutAWeeklyWarehouseThePageSaysWhy(Releases releases) throws IOException {
        Path folder = Files.createTempDirectory("infocentre-gestion-sans-entrepot-");
        Accounts accounts = AccountFixtures.store(folder, new TestClock());
        AccountFixtures.gestionnaire(accounts, "jdupont", "06");
        Javalin app = InfocentreApp.create(releases, Optional.of(new GestionOptions(accounts, false))).start("127.0.0.1", 0);
        try {
            WebSession browser = new WebSession(URI.create("http://127.0.0.1:" + app.port()));
            browser.login("jdupont", AccountFixtures.PASSWORD);
            HttpResponse<String> r = browser.get("/gestion/rapport06");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("--warehouse"), r.body());
            assertEquals(404, browser.get("/api/v1/gestion/rapport06?departement=06&periode=" + Q1).statusCode());
        } finally {
            app.stop();
            ReleasedFixture.delete(folder);
        }
    }
}
