package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(InfocentreServer.class)
class ErrorMappingTest {

    private final Client client;

    ErrorMappingTest(Client client) {
        this.client = client;
    }

    @Test
    void eachWrongParameterGetsItsStatusAndIsNamed() {
        String id = Samples.rapportSerie03(client).get("id").asText();
        String base = "/api/v1/rapports/" + id;
        assertAll(
                () -> check("/api/v1/rapports/TAB99-99", 404, "rapport", "TAB99-99"),
                () -> check("/api/v1/rapports/TAB99-99.csv", 404, "rapport", "TAB99-99"),
                () -> check(base + "?niveau=pays", 400, "niveau", "pays"),
                () -> check(base + "?niveau=departement", 400, "code", "departement"),
                () -> check(base + "?niveau=departement&code=ZZ", 404, "code", "ZZ"),
                () -> check(base + ".csv?niveau=departement&code=ZZ", 404, "code", "ZZ"),
                () -> check(base + "?annee=20x4", 400, "annee", "20x4"),
                () -> check(base + "?annee=1901", 404, "annee", "1901"),
                () -> check("/api/v1/territoires?niveau=canton", 400, "niveau", "canton"));
    }

    @Test
    void aLevelTheRapportIsNotPublishedAtIsRefused() {
        Samples.rapports(client).stream()
                .filter(r -> !Samples.published(r, "commune"))
                .findFirst()
                .ifPresent(r -> check("/api/v1/rapports/" + r.get("id").asText() + "?niveau=commune&code="
                        + Samples.codes(client, "commune").get(0), 400, "niveau", "commune"));
    }

    @Test
    void pagesShowAFrenchErrorPageWithTheSameStatus() {
        String id = Samples.rapportSerie03(client).get("id").asText();
        for (String[] cases : List.of(
                new String[] {"/rapports/TAB99-99", "404", "TAB99-99"},
                new String[] {"/rapports/" + id + "?niveau=pays", "400", "pays"},
                new String[] {"/rapports/" + id + "?niveau=departement&code=ZZ", "404", "ZZ"},
                new String[] {"/rapports/" + id + "?annee=deux-mille", "400", "deux-mille"},
                new String[] {"/nulle-part", "404", "/nulle-part"})) {
            HttpResponse<String> response = client.get(cases[0]);
            assertEquals(Integer.parseInt(cases[1]), response.statusCode(), cases[0]);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), cases[0]);
            assertTrue(response.body().contains("Erreur " + cases[1]) && response.body().contains(cases[2]),
                    cases[0] + " → " + response.body());
        }
    }

    private void check(String path, int status, String parameter, String value) {
        HttpResponse<String> response = client.get(path);
        assertEquals(status, response.statusCode(), path + " → " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"), path);
        JsonNode error = Client.read(response.body());
        assertEquals(parameter, error.path("parametre").asText(), path + " → " + error);
        assertTrue(error.path("erreur").asText().contains(value), path + ": the message names the value → " + error);
    }
}
