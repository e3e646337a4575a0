package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Requests chosen from what the fixture warehouse holds (its catalogue, territories, masked tables). */
final class Samples {

    private Samples() {
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

    static List<String> codes(Client client, String level) {
        List<String> codes = new ArrayList<>();
        client.json("/api/v1/territoires?niveau=" + level).forEach(t -> codes.add(t.get("code").asText()));
        return codes;
    }

    static String firstDepartement(Client client) {
        return codes(client, "departement").get(0);
    }

    /** The query path of a rapport (API or page) at a département or commune where some cell is masked. */
    static Optional<String> maskedRequest(Client client) {
        for (String level : List.of("departement", "commune")) {
            for (JsonNode rapport : rapports(client)) {
                if (!published(rapport, level)) {
                    continue;
                }
                for (String code : codes(client, level)) {
                    String request = rapport.get("id").asText() + "?niveau=" + level + "&code=" + code;
                    if (!client.json("/api/v1/rapports/" + request).get("masques").isEmpty()) {
                        return Optional.of(request);
                    }
                }
            }
        }
        return Optional.empty();
    }

    static boolean published(JsonNode rapport, String level) {
        for (JsonNode n : rapport.get("niveaux")) {
            if (n.asText().equals(level)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A table of that level and millésime with masked counts and shown counts above 10 in its main column: the
     * first found, rapport by rapport, territory by territory.
     */
    static String mixed(Client client, String level, int millesime) {
        List<String> codes = codes(client, level);
        for (JsonNode rapport : rapports(client)) {
            if (!published(rapport, level)) {
                continue;
            }
            for (String code : codes) {
                String request = rapport.path("id").asText() + "?niveau=" + level + "&code=" + code + "&annee=" + millesime;
                JsonNode doc = client.json("/api/v1/rapports/" + request);
                String main = doc.at("/colonnes/1/cle").asText();
                boolean shown = doc.path("total").path(main).asLong() > 10;
                for (JsonNode line : doc.path("lignes")) {
                    shown |= line.path(main).asLong() > 10;
                }
                if (shown && !doc.path("masques").isEmpty()) {
                    return request;
                }
            }
        }
        throw new AssertionError("no " + level + " table of millésime " + millesime + " with masked and shown counts");
    }
}
