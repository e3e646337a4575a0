package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(InfocentreServeur.class)
class CatalogueRoutesTest {

    private final Client client;

    CatalogueRoutesTest(Client client) {
        this.client = client;
    }

    @Test
    void catalogueListsThePublicRapportsWithTheirFields() {
        List<JsonNode> rapports = Echantillons.rapports(client);

        assertFalse(rapports.isEmpty());
        for (JsonNode r : rapports) {
            for (String champ : List.of("id", "serie", "titre", "description", "dimension", "graphique", "url")) {
                assertTrue(r.hasNonNull(champ), r + " lacks " + champ);
            }
            assertTrue(r.get("niveaux").isArray() && !r.get("niveaux").isEmpty(), r.toString());
            assertEquals("/api/v1/rapports/" + r.get("id").asText(), r.get("url").asText());
            assertTrue(Set.of("01", "02", "03", "04").contains(r.get("serie").asText()), "restricted series listed: " + r);
        }
        assertTrue(rapports.stream().anyMatch(r -> r.get("id").asText().equals("TAB03-02")));
    }

    @Test
    void millesimesAreYearsInAscendingOrder() {
        JsonNode annees = client.json("/api/v1/millesimes");

        assertFalse(annees.isEmpty());
        for (int i = 1; i < annees.size(); i++) {
            assertTrue(annees.get(i - 1).asInt() < annees.get(i).asInt(), annees.toString());
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
