package fr.infocentre.api;

import fr.infocentre.warehouse.Niveau;
import fr.infocentre.warehouse.RequeteInvalide;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the query parameters shared by the API and the pages (niveau, code, annee) and writes them back into links. */
final class Parametres {

    private static final Pattern ANNEE = Pattern.compile("\\d{4}");

    private Parametres() {
    }

    /** The niveau parameter; national when absent. */
    static Niveau niveau(Context ctx) {
        return texte(ctx, "niveau")
                .map(cle -> Niveau.parCle(cle).orElseThrow(() -> new RequeteInvalide(RequeteInvalide.Cause.NIVEAU_INCONNU,
                        "Niveau inconnu : « " + cle + " » (niveaux possibles : national, region, departement, epci, commune).")))
                .orElse(Niveau.NATIONAL);
    }

    /** The code parameter as given, if any. */
    static Optional<String> code(Context ctx) {
        return texte(ctx, "code");
    }

    /** The code parameter; FR when absent at the national level, required at any other level. */
    static String codeObligatoire(Context ctx, Niveau niveau) {
        return code(ctx).or(() -> niveau == Niveau.NATIONAL ? Optional.of(Territoire.FRANCE.code()) : Optional.empty())
                .orElseThrow(() -> new ErreurRequete(400, "code",
                        "Le paramètre code est obligatoire pour le niveau « " + niveau.cle() + " »."));
    }

    /** The annee parameter, a published millésime; the latest when absent. */
    static int annee(Context ctx, Warehouse warehouse) {
        List<Integer> annees = warehouse.annees();
        Optional<String> annee = texte(ctx, "annee");
        if (annee.isPresent()) {
            if (!ANNEE.matcher(annee.get()).matches()) {
                throw new ErreurRequete(400, "annee",
                        "Année mal formée : « " + annee.get() + " » (attendu : une année sur quatre chiffres, par exemple 2024).");
            }
            int demandee = Integer.parseInt(annee.get());
            if (!annees.contains(demandee)) {
                throw new RequeteInvalide(RequeteInvalide.Cause.ANNEE_NON_COUVERTE,
                        "Millésime non couvert : « " + demandee + " » (millésimes publiés : "
                                + annees.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ").");
            }
            return demandee;
        }
        if (annees.isEmpty()) {
            throw new RequeteInvalide(RequeteInvalide.Cause.ANNEE_NON_COUVERTE, "Aucun millésime n'est encore publié.");
        }
        return annees.get(annees.size() - 1);
    }

    /** The query string selecting that territory and year, starting with "?". */
    static String requete(Niveau niveau, String code, int annee) {
        return "?niveau=" + niveau.cle() + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&annee=" + annee;
    }

    private static Optional<String> texte(Context ctx, String nom) {
        return Optional.ofNullable(ctx.queryParam(nom)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
