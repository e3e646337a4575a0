package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.infocentre.warehouse.RequeteDefinition;
import fr.infocentre.warehouse.Releases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input in every parameter of the requêtes' routes — SQL fragments, path traversal, markup, template and
 * JNDI strings, control characters, full-width digits, oversized and malformed values, unknown parameter names —
 * gets a 400 (never a 500, never a figure) and changes nothing: the accounts, their territories and the saved
 * requêtes are as they were, the weekly warehouse's files keep their bytes, and the audit log only gained the
 * records of the refused requests (its earlier rows unchanged).
 * <ul>
 * <li>The definition's parameters ({@link RequeteDefinition#PARAMETERS}: population, date, du, au, dimension,
 * departement, epci, communes, guichet, filtre — its dimension and its category —, associations), each value
 * in turn, on the seven routes that read a definition: the JSON result, the CSV and XLSX downloads, the result
 * page, the builder filled with it, and saving it through the API and the page. A département is refused by the
 * guard (an unknown code), the others by the definition's checks or, for values of a valid form naming nothing
 * (a guichet « DROP »), when it runs.</li>
 * <li>The saved requête's number ({@code {requete}}) in the path of its four routes (run by the page and the API,
 * delete by the page and the API).</li>
 * <li>The name of a saved requête is free text, stored and shown as given, never interpreted: a name with control
 * characters, blank or over 100 characters is refused (400); a name holding SQL, a path or markup is saved as
 * that text (bound, escaped on the page) and changes nothing else.</li>
 * </ul>
 */
@ExtendWith(InfocentreServer.class)
class RequeteInjectionTest {

    static final List<String> HOSTILE = List.of("' OR '1'='1", "06' OR '1'='1", "admin'--", "\" OR 1=1 --",
            "x'; DROP TABLE accounts; --", "06); DROP VIEW communes; --", "tranche-age) UNION SELECT 1 --",
            "categorie_canal(canal)", "getvariable('annee')", "1; SELECT 1", "%' OR login LIKE '%",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "06\u0000", "\u0000", "06\r\nX-Injected: 1", "06;DROP", "DROP",
            "null", "0６", "é".repeat(30), "x".repeat(1025), "9".repeat(40), "-1", "2024-12-31'; --", "2024-02-30",
            "canal:PGP' OR 1=1 --");

    private static final String BASE_EN_COURS = "population=en-cours&date=2024-12-31&dimension=tranche-age&departement=06";
    private static final String BASE_SATISFAITES = "population=satisfaites&du=2024-01-01&au=2024-12-31"
            + "&dimension=reservataire&departement=06";

    private static GestionServer server;
    private static WeeklyWarehouse weekly;

    @BeforeAll
    static void start(Releases releases, WeeklyWarehouse warehouse) {
        weekly = warehouse;
        server = GestionServer.start(releases, warehouse);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void hostileValuesInEveryParameterOfEveryRouteAre400AndChangeNothing() throws Exception {
        WebSession jdupont = server.loggedIn("jdupont");
        String csrf = Client.read(jdupont.get("/api/v1/gestion/moi").body()).get("jeton_csrf").asText();
        Map<String, String> store = store();
        Map<String, String> files = checksums(weekly.folder());
        List<String> audit = auditRows();
        int refused = 0;
        for (String parameter : RequeteDefinition.PARAMETERS) {
            String base = parameter.equals("du") || parameter.equals("au") ? BASE_SATISFAITES : BASE_EN_COURS;
            for (String hostile : HOSTILE) {
                List<String> values = parameter.equals(RequeteDefinition.FILTRE)
                        ? List.of(hostile, "canal:" + hostile, hostile + ":PGP") : List.of(hostile);
                for (String value : values) {
                    String query = replace(base, parameter, value);
                    for (HttpResponse<String> answer : sevenRoutes(jdupont, csrf, query)) {
                        assertRefused(answer, parameter + "=" + value);
                        refused++;
                    }
                }
            }
        }
        // an unknown parameter, hostile names included
        for (String name : List.of("periode", "departement[]", "x'; DROP TABLE saved_queries; --", "../../etc/passwd")) {
            for (HttpResponse<String> answer : sevenRoutes(jdupont, csrf, BASE_EN_COURS + "&" + q(name) + "=1")) {
                assertRefused(answer, "name " + name);
                refused++;
            }
        }
        assertEquals(7 * (RequeteDefinition.PARAMETERS.size() * HOSTILE.size() + 2 * HOSTILE.size() + 4), refused);

        // the saved requête's number in the path of its four routes; each request from a new connection with the
        // session's cookies (Jetty closes the connection of a path it refuses itself, and a DELETE or POST is not
        // retried on a connection closed meanwhile)
        for (String hostile : HOSTILE) {
            String id = q(hostile);
            for (HttpResponse<String> answer : List.of(
                    fresh(jdupont).get("/gestion/requetes/enregistrees/" + id),
                    fresh(jdupont).get("/api/v1/gestion/requetes/enregistrees/" + id),
                    fresh(jdupont).send("DELETE", "/api/v1/gestion/requetes/enregistrees/" + id, null, "X-CSRF-Token", csrf),
                    fresh(jdupont).send("POST", "/gestion/requetes/enregistrees/" + id + "/suppression", "_csrf=" + q(csrf),
                            "Content-Type", "application/x-www-form-urlencoded"))) {
                assertRefused(answer, "requete " + hostile);
            }
        }

        assertEquals(store, store(), "accounts, territories and saved requêtes unchanged");
        assertEquals(files, checksums(weekly.folder()), "the weekly warehouse's files unchanged");
        List<String> after = auditRows();
        assertEquals(audit, after.subList(0, audit.size()), "the audit log's earlier rows unchanged");
        assertTrue(after.subList(audit.size(), after.size()).stream().allMatch(r -> r.contains("|jdupont|")
                && (r.endsWith("|400|") || r.endsWith("|404|"))), "only the refused requests' records added");
        assertEquals(200, jdupont.get("/api/v1/gestion/requetes/resultat?" + BASE_EN_COURS).statusCode(), "still answers");
    }

    @Test
    void aSavedRequetesNameIsTextNeverInterpreted() throws Exception {
        WebSession jdupont = server.loggedIn("jdupont");
        String csrf = Client.read(jdupont.get("/api/v1/gestion/moi").body()).get("jeton_csrf").asText();
        Map<String, String> store = store();
        for (String name : List.of("06\u0000", "\u0000", "06\r\nX-Injected: 1", "x".repeat(101), " ", "")) {
            HttpResponse<String> answer = jdupont.send("POST", "/api/v1/gestion/requetes/enregistrees",
                    "nom=" + q(name) + "&" + BASE_EN_COURS, "Content-Type", "application/x-www-form-urlencoded",
                    "X-CSRF-Token", csrf);
            assertRefused(answer, "nom " + name);
            assertEquals("nom", Client.read(answer.body()).get("parametre").asText());
        }
        assertEquals(store, store(), "nothing saved");
        List<String> texts = List.of("x'; DROP TABLE accounts; --", "' OR '1'='1", "../../../../etc/passwd",
                "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}");
        List<Long> ids = new ArrayList<>();
        for (String name : texts) {
            HttpResponse<String> saved = jdupont.send("POST", "/api/v1/gestion/requetes/enregistrees",
                    "nom=" + q(name) + "&" + BASE_EN_COURS, "Content-Type", "application/x-www-form-urlencoded",
                    "X-CSRF-Token", csrf);
            assertEquals(201, saved.statusCode(), saved.body());
            JsonNode doc = Client.read(saved.body());
            assertEquals(name, doc.get("nom").asText(), "stored as given");
            ids.add(doc.get("id").asLong());
        }
        String page = jdupont.get("/gestion/requetes").body();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;</a>"), "escaped on the page");
        assertFalse(page.contains("<script>alert(1)</script>"));
        assertTrue(page.contains(">{{7*7}}</a>"), "not a template");
        assertEquals(texts.size(), Client.read(jdupont.get("/api/v1/gestion/requetes/enregistrees").body()).size());
        for (long id : ids) {
            assertEquals(204, jdupont.send("DELETE", "/api/v1/gestion/requetes/enregistrees/" + id, null,
                    "X-CSRF-Token", csrf).statusCode());
        }
        assertEquals(store, store(), "as before, once deleted");
    }

    /** A new browser (its own connection) holding the session's cookies. */
    private static WebSession fresh(WebSession browser) {
        WebSession fresh = server.browser();
        fresh.cookies.putAll(browser.cookies);
        return fresh;
    }

    /** The same definition on the seven routes that read one. */
    private static List<HttpResponse<String>> sevenRoutes(WebSession browser, String csrf, String query) {
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(browser.get("/api/v1/gestion/requetes/resultat?" + query));
        answers.add(browser.get("/api/v1/gestion/requetes/resultat.csv?" + query));
        answers.add(browser.get("/api/v1/gestion/requetes/resultat.xlsx?" + query));
        answers.add(browser.get("/gestion/requetes/resultat?" + query));
        answers.add(browser.get("/gestion/requetes?" + query));
        answers.add(browser.send("POST", "/api/v1/gestion/requetes/enregistrees", "nom=Essai&" + query,
                "Content-Type", "application/x-www-form-urlencoded", "X-CSRF-Token", csrf));
        answers.add(browser.send("POST", "/gestion/requetes/enregistrees", "nom=Essai&_csrf=" + q(csrf) + "&" + query,
                "Content-Type", "application/x-www-form-urlencoded"));
        return answers;
    }

    private static void assertRefused(HttpResponse<String> answer, String what) {
        String where = answer.request().method() + " " + answer.request().uri().getPath() + " " + what + " → "
                + answer.statusCode() + " " + answer.body().substring(0, Math.min(300, answer.body().length()));
        assertEquals(400, answer.statusCode(), where);
        assertFalse(answer.body().contains("Exception") || answer.body().contains("at fr.infocentre")
                || answer.body().contains("Erreur interne") || answer.body().contains("SQL")
                || answer.body().toLowerCase().contains("duckdb"), where);
        assertFalse(answer.body().contains("<td class=\"number\">"), "no figure: " + where);
        assertFalse(answer.headers().firstValue("Content-Disposition").isPresent(), "no download: " + where);
    }

    /** The query with that parameter's value replaced (or added). */
    private static String replace(String query, String parameter, String value) {
        List<String> pairs = new ArrayList<>();
        boolean replaced = false;
        for (String pair : query.split("&")) {
            if (pair.startsWith(parameter + "=")) {
                if (!replaced) {
                    pairs.add(parameter + "=" + q(value));
                    replaced = true;
                }
            } else {
                pairs.add(pair);
            }
        }
        if (!replaced) {
            pairs.add(parameter + "=" + q(value));
        }
        return String.join("&", pairs);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The account store's accounts, territories and saved requêtes, as text. */
    private static Map<String, String> store() throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("accounts", dump("SELECT login, display_name, role, enabled, password_hash, updated_at FROM accounts"
                + " ORDER BY login"));
        tables.put("account_territories", dump("SELECT * FROM account_territories ORDER BY login, level, code"));
        tables.put("saved_queries", dump("SELECT * FROM saved_queries ORDER BY id"));
        return tables;
    }

    /** Every row of the audit log, oldest first: id, login, action, route, rows, status. */
    private static List<String> auditRows() throws Exception {
        return List.of(dump("SELECT id, login, action, route, parameters, rows_returned, status FROM audit_log ORDER BY id")
                .split("\n"));
    }

    private static String dump(String sql) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = server.accounts.database().connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                text.append('|');
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    text.append(r.getString(i)).append('|');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static Map<String, String> checksums(Path folder) {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                sums.put(folder.relativize(f).toString(), HexFormat.of().formatHex(sha.digest()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }
}
