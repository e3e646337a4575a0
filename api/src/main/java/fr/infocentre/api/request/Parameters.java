package fr.infocentre.api.request;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Releases;


import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the query parameters shared by the API and the pages (niveau, code, annee) and writes them back into links. */
public final class Parameters {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private Parameters() {
    }

    /** The niveau parameter; national when absent. */
    public static Level level(Context ctx) {
        return text(ctx, "niveau")
                .map(key -> Level.byKey(key).orElseThrow(() -> new InvalidRequest(InvalidRequest.Cause.UNKNOWN_LEVEL,
                        "Niveau inconnu : « " + key + " » (niveaux possibles : national, region, departement, epci, commune).")))
                .orElse(Level.NATIONAL);
    }

    /** The code parameter as given, if any. */
    public static Optional<String> code(Context ctx) {
        return text(ctx, "code");
    }

    /** The code parameter; FR when absent at the national level, required at any other level. */
    public static String requiredCode(Context ctx, Level level) {
        return code(ctx).or(() -> level == Level.NATIONAL ? Optional.of(Territoire.FRANCE.code()) : Optional.empty())
                .orElseThrow(() -> new RequestError(400, "code",
                        "Le paramètre code est obligatoire pour le niveau « " + level.key() + " »."));
    }

    /** The annee parameter, a published millésime; the latest when absent. */
    public static int millesime(Context ctx, Releases releases) {
        Optional<String> millesime = text(ctx, "annee");
        if (millesime.isPresent()) {
            return releasedYear(millesime.get(), releases);
        }
        List<Integer> millesimes = releases.millesimes();
        if (millesimes.isEmpty()) {
            throw new InvalidRequest(InvalidRequest.Cause.YEAR_NOT_COVERED, "Aucun millésime n'est encore publié.");
        }
        return millesimes.get(millesimes.size() - 1);
    }

    /** A year given in a request (query or path), checked to be a released millésime. */
    public static int releasedYear(String year, Releases releases) {
        if (!YEAR.matcher(year).matches()) {
            throw new RequestError(400, "annee",
                    "Année mal formée : « " + year + " » (attendu : une année sur quatre chiffres, par exemple 2024).");
        }
        int asked = Integer.parseInt(year);
        List<Integer> millesimes = releases.millesimes();
        if (!millesimes.contains(asked)) {
            throw new InvalidRequest(InvalidRequest.Cause.YEAR_NOT_COVERED,
                    "Millésime non couvert : « " + asked + " » (millésimes publiés : "
                            + millesimes.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ").");
        }
        return asked;
    }

    /** The query string selecting that territory and year, starting with "?". */
    public static String request(Level level, String code, int millesime) {
        return "?niveau=" + level.key() + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&annee=" + millesime;
    }

    private static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
