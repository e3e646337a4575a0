package fr.infocentre.warehouse.requetes;

import fr.infocentre.warehouse.RequeteDefinition.Associations;
import fr.infocentre.warehouse.RequeteDefinition.Population;
import fr.infocentre.warehouse.catalogue.Catalogue.DimensionCall;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL of a requête, assembled from declared pieces only: for each population, a fixed FROM clause and the
 * expression of every input a dimension's macro may read ({@link #inputs}); the dimensions' macros as the
 * catalogue generates them ({@link DimensionCall}); fixed column names for the territories and guichets; and a
 * {@code ?} for every value a requête gives (dates, codes, category keys, the row limit). The values travel in
 * {@link Assembled#parameters()}, never in the text.
 * <p>
 * Demandes en cours at day D: {@code demandes_active_on(D)} (macros.sql: active on D, attributes as they stood on
 * D), located by the first-choice commune. Demandes satisfaites from D1 to D2: the attributions whose
 * {@code date_bail} falls in [D1, D2], joined on the demande's version valid at the lease date, located by the
 * dwelling's commune — the definitions of series 03 and 04 (docs/rapports.md).
 */
final class RequeteSql {

    /** The text of the SQL: what the catalogue and this class declare, nothing a request wrote. */
    record Assembled(String sql, List<Object> parameters) {
        Assembled {
            parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        }
    }

    /** A dimension's macro called on a population: the macro and the population's expressions of its inputs. */
    record Call(String macro, List<String> inputs) {
    }

    /** What a requête restricts, each a list of values bound to {@code ?} (empty: no restriction). */
    record Restrictions(List<String> departements, List<String> epci, List<String> communes, List<String> guichets,
                        Map<Call, List<String>> categories, Associations associations) {
    }

    private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** The columns of a demande (demandes.csv, docs/extract-format.md) a dimension may read, as they are. */
    private static final List<String> DEMANDE_COLUMNS = List.of("canal", "personne_morale", "date_depot",
            "date_enregistrement", "date_renouvellement", "annee_naissance", "sexe", "nationalite", "situation_familiale",
            "co_demandeur", "taille_menage", "nb_enfants", "situation_professionnelle", "revenu_mensuel",
            "revenu_fiscal_reference", "logement_actuel", "motif", "typologie", "commune_residence", "handicap", "dalo",
            "prioritaire", "nb_pieces", "doublon_force");

    /**
     * The inputs each population offers the dimensions' macros, by the name a dimension declares in its
     * {@code input}: the demande's columns (d, its version at the reference date), the attribution's (a), the
     * reference date (r.date_reference for the demandes en cours, the lease date for the satisfaites) and the
     * computed ones the series-03 and series-04 rapports pass (age, the ceilings' year, zone and persons).
     * A dimension reading an input its population lacks (quartile-uc's thresholds, an attribution's
     * réservataire for the demandes en cours) cannot be used on it.
     */
    private static final Map<Population, Map<String, String>> INPUTS = Map.of(
            Population.EN_COURS, inputs(Map.of(
                    "age", "year(r.date_reference) - d.annee_naissance",
                    "reference_date", "r.date_reference",
                    "rfr", "d.revenu_fiscal_reference",
                    "annee", "CAST(year(r.date_reference) AS INTEGER)",
                    "zone", "z.zone",
                    "personnes", "plafond_persons(d.taille_menage, d.nb_enfants, d.co_demandeur, d.situation_familiale,"
                            + " d.handicap, year(r.date_reference) - d.annee_naissance)")),
            Population.SATISFAITES, inputs(Map.of(
                    "age", "year(a.date_bail) - d.annee_naissance",
                    "reference_date", "a.date_bail",
                    "rfr", "d.revenu_fiscal_reference",
                    "annee", "CAST(year(a.date_bail) AS INTEGER)",
                    "zone", "z.zone",
                    "personnes", "plafond_persons(d.taille_menage, d.nb_enfants, d.co_demandeur, d.situation_familiale,"
                            + " d.handicap, year(a.date_bail) - d.annee_naissance)",
                    // the dwelling attributed, not the one sought (TAB04-11)
                    "typologie", "a.typologie",
                    // DALO when the attribution or the demande says so (TAB04-14)
                    "dalo", "coalesce(a.dalo OR d.dalo, a.dalo, d.dalo)",
                    "qpv", "a.qpv",
                    "reservataire", "a.reservataire")));

    private static Map<String, String> inputs(Map<String, String> specific) {
        Map<String, String> all = new LinkedHashMap<>();
        DEMANDE_COLUMNS.forEach(c -> all.put(c, "d." + c));
        all.putAll(specific);
        return Collections.unmodifiableMap(all);
    }

    private RequeteSql() {
    }

    /** Whether the population offers every input of a dimension's macro. */
    static boolean offers(Population population, DimensionCall call) {
        return INPUTS.get(population).keySet().containsAll(call.inputs());
    }

    /** The inputs a dimension reads that the population does not offer. */
    static List<String> missing(Population population, DimensionCall call) {
        return call.inputs().stream().filter(i -> !INPUTS.get(population).containsKey(i)).toList();
    }

    /** A dimension's macro called on the population's expressions of its inputs. */
    static Call call(Population population, DimensionCall dimension) {
        if (!SQL_NAME.matcher(dimension.macro()).matches()) {
            throw new IllegalStateException("not a macro name: " + dimension.macro());
        }
        List<String> expressions = new ArrayList<>();
        for (String input : dimension.inputs()) {
            String e = INPUTS.get(population).get(input);
            if (e == null) {
                throw new IllegalStateException(population + " offers no input " + input);
            }
            expressions.add(e);
        }
        return new Call(dimension.macro(), expressions);
    }

    /**
     * The count of the demandes of a population by the categories of one or two dimensions, at most {@code limit}
     * rows: columns {@code c1[, c2], n}.
     *
     * @param start the day counted (en cours) or the period's first day (satisfaites)
     * @param end   the same day, or the period's last day
     */
    static Assembled count(Population population, LocalDate start, LocalDate end, List<Call> dimensions,
                           Restrictions r, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < dimensions.size(); i++) {
            sql.append(expression(dimensions.get(i))).append(" AS c").append(i + 1).append(", ");
        }
        sql.append("count(*) AS n\n");
        List<String> where = new ArrayList<>();
        switch (population) {
            case EN_COURS -> {
                sql.append("FROM demandes_active_on(CAST(? AS DATE)) d\n")
                        .append("CROSS JOIN (SELECT CAST(? AS DATE) AS date_reference) r\n")
                        .append("JOIN communes t ON t.code_commune = d.commune_premier_choix\n");
                parameters.add(start.toString());
                parameters.add(start.toString());
            }
            case SATISFAITES -> {
                sql.append("FROM attributions a\n")
                        .append("JOIN demandes_versions d ON d.numero_unique = a.numero_unique\n")
                        .append(" AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)\n")
                        .append("JOIN communes t ON t.code_commune = a.commune_logement_cog\n");
                where.add("a.date_bail BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)");
            }
        }
        boolean zone = dimensions.stream().anyMatch(RequeteSql::readsZone)
                || r.categories().keySet().stream().anyMatch(RequeteSql::readsZone);
        if (zone) {
            sql.append("LEFT JOIN zones_plafonds z ON z.code_commune = t.code_commune\n");
        }
        if (population == Population.SATISFAITES) {
            parameters.add(start.toString());
            parameters.add(end.toString());
        }
        switch (r.associations()) {
            case EXCLUES -> where.add("NOT d.personne_morale");
            case SEULES -> where.add("d.personne_morale");
            case INCLUSES -> {
            }
        }
        in(where, parameters, "t.code_departement", r.departements());
        in(where, parameters, "t.siren_epci", r.epci());
        in(where, parameters, "t.code_commune", r.communes());
        in(where, parameters, "d.code_guichet", r.guichets());
        r.categories().forEach((call, keys) -> in(where, parameters, expression(call), keys));
        if (!where.isEmpty()) {
            sql.append("WHERE ").append(String.join("\n  AND ", where)).append('\n');
        }
        sql.append("GROUP BY ALL\nLIMIT ?");
        parameters.add((long) limit);
        return new Assembled(sql.toString(), parameters);
    }

    private static String expression(Call call) {
        return call.macro() + "(" + String.join(", ", call.inputs()) + ")";
    }

    private static boolean readsZone(Call call) {
        return call.inputs().stream().anyMatch(e -> e.contains("z.zone"));
    }

    /** {@code column IN (?, …)} with the values bound; nothing when there is no value. */
    private static void in(List<String> where, List<Object> parameters, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        where.add(column + " IN (" + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")");
        parameters.addAll(values);
    }
}
