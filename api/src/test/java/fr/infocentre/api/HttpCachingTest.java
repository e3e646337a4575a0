package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Release content carries an ETag; a table of a named millésime is immutable, the latest
 * millésime and the pages are cached briefly; If-None-Match with the current ETag gets 304 and
 * no body, in every format.
 */
@ExtendWith(InfocentreServer.class)
class HttpCachingTest {

    private final Client client;

    HttpCachingTest(Client client) {
        this.client = client;
    }

    @Test
    void aTableOfANamedMillesimeIsImmutableAndRevalidatesTo304InEveryFormat() {
        String id = Samples.rapportSerie03(client).get("id").asText();
        JsonNode millesimes = client.json("/api/v1/millesimes");
        int year = millesimes.get(millesimes.size() - 1).asInt();
        for (String format : List.of("", ".csv", ".xlsx", ".pdf")) {
            String path = "/api/v1/rapports/" + id + format + "?niveau=national&annee=" + year;
            HttpResponse<String> first = client.get(path);
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            boolean sameBytes = format.equals("") || format.equals(".csv"); // XLSX and PDF carry the time they were written
            assertTrue(etag.startsWith((sameBytes ? "" : "W/") + "\"" + year + ".1-"), etag);
            assertEquals("public, max-age=31536000, immutable", first.headers().firstValue("Cache-Control").orElseThrow());

            HttpResponse<String> again = client.get(path, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            HttpResponse<String> stale = client.get(path, "If-None-Match", "\"1990.1-x\"");
            assertEquals(200, stale.statusCode(), "another ETag gets the content");
            if (sameBytes) {
                assertEquals(first.body(), stale.body());
            }
        }
    }

    @Test
    void theLatestMillesimeAndThePagesAreCachedBriefly() {
        String id = Samples.rapportSerie03(client).get("id").asText();
        HttpResponse<String> latest = client.get("/api/v1/rapports/" + id + "?niveau=national");
        assertEquals("public, max-age=300", latest.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> page = client.get("/rapports/" + id);
        assertEquals(200, page.statusCode());
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertEquals("public, max-age=300", page.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(304, client.get("/rapports/" + id, "If-None-Match", etag).statusCode());
        JsonNode millesimes = client.json("/api/v1/millesimes");
        String named = client.get("/api/v1/rapports/" + id + "?niveau=national&annee=" + millesimes.get(0).asInt())
                .headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, named);
    }

    @Test
    void anErrorIsNotCachedAsReleaseContent() {
        HttpResponse<String> unknown = client.get("/api/v1/rapports/TAB99-99?niveau=national&annee=2024");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("ETag").isEmpty(), unknown.headers().toString());
    }
}
