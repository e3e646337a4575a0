package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(InfocentreServeur.class)
class ErrorMappingTest {

    private final Client client;

    ErrorMappingTest(Client client) {
        this.client = client;
    }

    @Test
    void eachWrongParameterGetsItsStatusAndIsNamed() {
        String id = Echantillons.rapportSerie03(client).get("id").asText();
        String base = "/api/v1/rapports/" + id;
        assertAll(
                () -> verifier("/api/v1/rapports/TAB99-99", 404, "rapport", "TAB99-99"),
                () -> verifier("/api/v1/rapports/TAB99-99.csv", 404, "rapport", "TAB99-99"),
                () -> verifier(base + "?niveau=pays", 400, "niveau", "pays"),
                () -> verifier(base + "?niveau=departement", 400, "code", "departement"),
                () -> verifier(base + "?niveau=departement&code=ZZ", 404, "code", "ZZ"),
                () -> verifier(base + ".csv?niveau=departement&code=ZZ", 404, "code", "ZZ"),
                () -> verifier(base + "?annee=20x4", 400, "annee", "20x4"),
                () -> verifier(base + "?annee=1901", 404, "annee", "1901"),
                () -> verifier("/api/v1/territoires?niveau=canton", 400, "niveau", "canton"));
    }

    @Test
    void aLevelTheRapportIsNotPublishedAtIsRefused() {
        Echantillons.rapports(client).stream()
                .filter(r -> !Echantillons.publie(r, "commune"))
                .findFirst()
                .ifPresent(r -> verifier("/api/v1/rapports/" + r.get("id").asText() + "?niveau=commune&code="
                        + Echantillons.codes(client, "commune").get(0), 400, "niveau", "commune"));
    }

    @Test
    void pagesShowAFrenchErrorPageWithTheSameStatus() {
        String id = Echantillons.rapportSerie03(client).get("id").asText();
        for (String[] cas : List.of(
                new String[] {"/rapports/TAB99-99", "404", "TAB99-99"},
                new String[] {"/rapports/" + id + "?niveau=pays", "400", "pays"},
                new String[] {"/rapports/" + id + "?niveau=departement&code=ZZ", "404", "ZZ"},
                new String[] {"/rapports/" + id + "?annee=deux-mille", "400", "deux-mille"},
                new String[] {"/nulle-part", "404", "/nulle-part"})) {
            HttpResponse<String> reponse = client.get(cas[0]);
            assertEquals(Integer.parseInt(cas[1]), reponse.statusCode(), cas[0]);
            assertTrue(reponse.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), cas[0]);
            assertTrue(reponse.body().contains("Erreur " + cas[1]) && reponse.body().contains(cas[2]),
                    cas[0] + " → " + reponse.body());
        }
    }

    private void verifier(String chemin, int statut, String parametre, String valeur) {
        HttpResponse<String> reponse = client.get(chemin);
        assertEquals(statut, reponse.statusCode(), chemin + " → " + reponse.body());
        assertTrue(reponse.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"), chemin);
        JsonNode erreur = Client.lire(reponse.body());
        assertEquals(parametre, erreur.path("parametre").asText(), chemin + " → " + erreur);
        assertTrue(erreur.path("erreur").asText().contains(valeur), chemin + ": the message names the value → " + erreur);
    }
}
