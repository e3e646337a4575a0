package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(InfocentreServer.class)
class CatalogueRoutesTest {

    private final Client client;

    CatalogueRoutesTest(Client client) {
        this.client = client;
    }

    @Test
    void catalogueListsThePublicRapportsWithTheirFields() {
        List<JsonNode> rapports = Samples.rapports(client);

        assertFalse(rapports.isEmpty());
        for (JsonNode r : rapports) {
            for (String field : List.of("id", "serie", "titre", "description", "dimension", "graphique", "url")) {
                assertTrue(r.hasNonNull(field), r + " lacks " + field);
            }
            assertTrue(r.get("niveaux").isArray() && !r.get("niveaux").isEmpty(), r.toString());
            assertEquals("/api/v1/rapports/" + r.get("id").asText(), r.get("url").asText());
            assertTrue(Set.of("01", "02", "03", "04").contains(r.get("serie").asText()), "restricted series listed: " + r);
        }
        assertTrue(rapports.stream().anyMatch(r -> r.get("id").asText().equals("TAB03-02")));
    }

    @Test
    void millesimesAreYearsInAscendingOrder() {
        JsonNode millesimes = client.json("/api/v1/millesimes");

        assertFalse(millesimes.isEmpty());
        for (int i = 1; i < millesimes.size(); i++) {
            assertTrue(millesimes.get(i - 1).asInt() < millesimes.get(i).asInt(), millesimes.toString());
        }
    }

    @Test
    void territoiresOfALevelHaveACodeAndAName() {
        JsonNode departements = client.json("/api/v1/territoires?niveau=departement");

        assertFalse(departements.isEmpty());
        departements.forEach(t -> assertTrue(t.hasNonNull("code") && t.hasNonNull("nom"), t.toString()));
        assertEquals("FR", client.json("/api/v1/territoires?niveau=national").get(0).get("code").asText());
    }
}
