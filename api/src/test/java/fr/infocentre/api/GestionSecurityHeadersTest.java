package fr.infocentre.api;

import fr.infocentre.api.security.SecurityHeaders;
import fr.infocentre.warehouse.Releases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security headers on every response, public and restricted (pages, API, static files, errors, redirects), no-store
 * on every restricted one; and the site's templates hold nothing the Content-Security-Policy would block.
 */
@ExtendWith(InfocentreServer.class)
class GestionSecurityHeadersTest {

    private static GestionServer server;

    @BeforeAll
    static void start(Releases releases) {
        server = GestionServer.start(releases);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertSecurityHeaders(HttpResponse<?> response, String what) {
        Map<String, List<String>> h = response.headers().map();
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, response.headers().firstValue("Content-Security-Policy").orElse(null), what);
        assertTrue(SecurityHeaders.CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'"));
        assertTrue(SecurityHeaders.CONTENT_SECURITY_POLICY.contains("script-src 'self'"));
        assertFalse(SecurityHeaders.CONTENT_SECURITY_POLICY.contains("unsafe"));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what + " " + h);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), what);
        assertTrue(response.headers().firstValue("Referrer-Policy").isPresent(), what);
    }

    @Test
    void publicResponsesCarryTheSecurityHeadersAndStayCacheable() {
        WebSession browser = server.browser();
        for (String path : List.of("/", "/api/v1/rapports", "/api/v1/millesimes", "/opendata/", "/static/css/infocentre.css",
                "/static/js/chart.js", "/webjars/echarts/5.5.0/echarts.min.js", "/api/v1/openapi.json",
                "/adresse-inconnue", "/api/v1/territoires?niveau=inconnu")) {
            HttpResponse<String> response = browser.get(path);
            assertSecurityHeaders(response, path + " → " + response.statusCode());
            assertEquals("strict-origin-when-cross-origin", response.headers().firstValue("Referrer-Policy").orElseThrow(), path);
            assertFalse(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"), path);
        }
    }

    @Test
    void restrictedResponsesCarryThemAndAreNeverStored() {
        WebSession anonymous = server.browser();
        WebSession jdupont = server.loggedIn("jdupont");
        List<HttpResponse<String>> responses = List.of(
                anonymous.get("/gestion"),                       // 303 to the login form
                anonymous.get("/gestion/connexion"),             // the login form
                anonymous.get("/api/v1/gestion/moi"),            // 401 JSON
                anonymous.get("/gestion/inconnue"),              // 303, even where no route is
                jdupont.get("/gestion"),
                jdupont.get("/api/v1/gestion/moi"),
                jdupont.get("/gestion/journal"),                 // 403 for a gestionnaire
                jdupont.get("/gestion/adresse-inconnue"),        // 404
                jdupont.post("/gestion/deconnexion", WebSession.fields())); // 403 without its token
        for (HttpResponse<String> response : responses) {
            String what = response.request().method() + " " + response.uri().getPath() + " → " + response.statusCode();
            assertSecurityHeaders(response, what);
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null), what);
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null), what);
            assertEquals("noindex, nofollow", response.headers().firstValue("X-Robots-Tag").orElse(null), what);
            assertTrue(response.headers().firstValue("ETag").isEmpty(), what);
        }
        assertEquals(List.of(303, 200, 401, 303, 200, 200, 403, 404, 403), responses.stream().map(HttpResponse::statusCode).toList());
    }

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    @Test
    void theTemplatesHoldNoInlineScriptNoStyleAttributeAndNoEventHandler() throws IOException, URISyntaxException {
        URI base = GestionSecurityHeadersTest.class.getResource("/site/templates/base.html").toURI();
        if (!"jar".equals(base.getScheme())) {
            check(Path.of(base).getParent());
            return;
        }
        try (FileSystem jar = FileSystems.newFileSystem(base, Map.of())) {
            check(jar.getPath("/site/templates"));
        }
    }

    private static void check(Path templates) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(templates)) {
            files = all.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertTrue(files.size() >= 10, files.toString());
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher script = SCRIPT.matcher(text);
            while (script.find()) {
                String attributes = script.group(1);
                assertTrue(attributes.contains("src=\"/") || attributes.contains("type=\"application/json\""),
                        file.getFileName() + ": an inline script would be blocked by script-src 'self': " + script.group());
            }
            assertFalse(text.matches("(?s).*<style\\b.*"), file.getFileName() + ": a <style> element");
            assertFalse(text.matches("(?s).*\\sstyle=.*"), file.getFileName() + ": a style attribute");
            assertFalse(text.matches("(?s).*\\son[a-z]+=.*"), file.getFileName() + ": an inline event handler");
            assertFalse(text.contains("javascript:"), file.getFileName().toString());
        }
    }
}
