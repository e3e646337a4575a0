package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Requests chosen from what the fixture warehouse holds (its catalogue, territories, masked tables). */
final class Echantillons {

    private Echantillons() {
    }

    static List<JsonNode> rapports(Client client) {
        List<JsonNode> rapports = new ArrayList<>();
        client.json("/api/v1/rapports").forEach(rapports::add);
        return rapports;
    }

    /** A rapport of series 03 (one line per category, with a total). */
    static JsonNode rapportSerie03(Client client) {
        return rapports(client).stream().filter(r -> r.get("serie").asText().equals("03")).findFirst()
                .orElseThrow(() -> new AssertionError("no rapport of series 03 in the catalogue"));
    }

    static List<String> codes(Client client, String niveau) {
        List<String> codes = new ArrayList<>();
        client.json("/api/v1/territoires?niveau=" + niveau).forEach(t -> codes.add(t.get("code").asText()));
        return codes;
    }

    static String premierDepartement(Client client) {
        return codes(client, "departement").get(0);
    }

    /** The query path of a rapport (API or page) at a département or commune where some cell is masked. */
    static Optional<String> requeteMasquee(Client client) {
        for (String niveau : List.of("departement", "commune")) {
            for (JsonNode rapport : rapports(client)) {
                if (!publie(rapport, niveau)) {
                    continue;
                }
                for (String code : codes(client, niveau)) {
                    String requete = rapport.get("id").asText() + "?niveau=" + niveau + "&code=" + code;
                    if (!client.json("/api/v1/rapports/" + requete).get("masques").isEmpty()) {
                        return Optional.of(requete);
                    }
                }
            }
        }
        return Optional.empty();
    }

    static boolean publie(JsonNode rapport, String niveau) {
        for (JsonNode n : rapport.get("niveaux")) {
            if (n.asText().equals(niveau)) {
                return true;
            }
        }
        return false;
    }
}
