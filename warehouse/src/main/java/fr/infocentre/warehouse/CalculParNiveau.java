package fr.infocentre.warehouse;

import fr.infocentre.warehouse.DefinitionRapport.ColonneDeclaree;
import fr.infocentre.warehouse.RequeteInvalide.Cause;
import fr.infocentre.warehouse.TableCalculee.Statistique;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A rapport for every territory of one or several levels at once (the publication of the
 * whole catalogue): the rapport's SQL (and its statistics SQL) runs once, materialized, and is
 * grouped by territory for each level, instead of running once per territory; each territory's
 * table is laid out by {@link MoteurRapports#assembler} from its share of the result, exactly
 * as {@link MoteurRapports#calculer} would for that territory alone. Tables are not protected
 * here: the caller passes them through {@link SecretStatistique}.
 */
final class CalculParNiveau {

    private static final String JOINTURE = " JOIN communes c ON c.code_commune = r.code_commune";

    private final MoteurRapports moteur;

    CalculParNiveau(MoteurRapports moteur) {
        this.moteur = moteur;
    }

    /**
     * The checks of {@link Warehouse#calculer} that do not depend on a territory.
     *
     * @throws RequeteInvalide for an unknown rapport, a level it is not published at, a year not covered
     */
    static DefinitionRapport verifier(Catalogue catalogue, List<Integer> annees, String rapportId,
                                      List<Niveau> niveaux, int annee) {
        DefinitionRapport def = catalogue.definition(rapportId).orElseThrow(() -> new RequeteInvalide(
                Cause.RAPPORT_INCONNU, "Rapport inconnu : " + rapportId));
        for (Niveau niveau : niveaux) {
            if (niveau == null) {
                throw new RequeteInvalide(Cause.NIVEAU_INCONNU, "Niveau territorial non précisé");
            }
            if (!def.rapport().niveaux().contains(niveau)) {
                throw new RequeteInvalide(Cause.NIVEAU_NON_DISPONIBLE, "Le rapport " + rapportId
                        + " n'est pas publié au niveau " + niveau.cle() + " (niveaux : "
                        + def.rapport().niveaux().stream().map(Niveau::cle).collect(Collectors.joining(", ")) + ")");
            }
        }
        if (!annees.contains(annee)) {
            throw new RequeteInvalide(Cause.ANNEE_NON_COUVERTE, "Année " + annee
                    + " non couverte par les données (années couvertes : "
                    + annees.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return def;
    }

    /**
     * Computes the rapport for every territory of each level, level after level in the map's
     * order, territories in their list's order.
     *
     * @param territoires level → its territories (all of them, or some)
     * @param connexion   a connection of its own (the session variable {@code annee} is set on it)
     */
    void calculer(Connection connexion, DefinitionRapport def, Map<Niveau, List<Territoire>> territoires, int annee,
                  Consumer<TableCalculee> sortie) throws SQLException {
        List<Niveau> niveaux = territoires.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        if (niveaux.isEmpty()) {
            return;
        }
        try (Statement st = connexion.createStatement()) {
            st.execute("SET VARIABLE annee = " + annee);
        }
        Map<Niveau, Map<String, Map<String, Map<String, Long>>>> comptes = compter(connexion, def, niveaux);
        Map<Niveau, Map<String, Map<String, Map<String, Statistique>>>> statistiques =
                statistiques(connexion, def, niveaux);
        for (Niveau niveau : niveaux) {
            Map<String, Map<String, Map<String, Long>>> c = comptes.getOrDefault(niveau, Map.of());
            Map<String, Map<String, Map<String, Statistique>>> s = statistiques.getOrDefault(niveau, Map.of());
            for (Territoire t : territoires.get(niveau)) {
                if (t.niveau() != niveau) {
                    throw new IllegalArgumentException(t + " given as a territory of level " + niveau);
                }
                sortie.accept(moteur.assembler(def, t, annee, c.getOrDefault(t.code(), Map.of()),
                        s.getOrDefault(t.code(), Map.of())));
            }
        }
    }

    /** The territory's code for a row at the commune grain joined to {@code communes c} (as {@link Geographie#filtre}). */
    static String cle(Niveau niveau) {
        return switch (niveau) {
            case NATIONAL -> "'" + Territoire.FRANCE.code() + "'";
            case REGION -> "c.code_region";
            case DEPARTEMENT -> "c.code_departement";
            case EPCI -> "c.siren_epci";
            case COMMUNE -> "coalesce(c.commune_parent, c.code_commune)";
        };
    }

    private static String jointure(Niveau niveau) {
        return niveau == Niveau.NATIONAL ? "" : JOINTURE;
    }

    /**
     * {@code WITH r AS MATERIALIZED (sql)} then one SELECT per level, tagged with the level's
     * ordinal, joined by UNION ALL: the rapport's SQL runs once for all the levels.
     */
    private static String parNiveau(String sql, List<Niveau> niveaux, Function<Niveau, String> select) {
        return "WITH r AS MATERIALIZED (\n" + MoteurRapports.sansPointVirgule(sql) + "\n)\n"
                + niveaux.stream().map(select).collect(Collectors.joining("\nUNION ALL\n"));
    }

    /** niveau → territoire → categorie → colonne → n. */
    private static Map<Niveau, Map<String, Map<String, Map<String, Long>>>> compter(
            Connection connexion, DefinitionRapport def, List<Niveau> niveaux) throws SQLException {
        String colonne = def.sqlAvecColonne() ? "r.colonne" : "'" + def.colonnesSql().get(0).cle() + "'";
        String requete = parNiveau(def.sql(), niveaux, niveau -> "SELECT " + niveau.ordinal() + " AS niveau, "
                + cle(niveau) + " AS territoire, r.categorie, " + colonne + " AS colonne, sum(r.n) AS n FROM r"
                + jointure(niveau) + " GROUP BY ALL");
        Map<Niveau, Map<String, Map<String, Map<String, Long>>>> comptes = new HashMap<>();
        try (Statement st = connexion.createStatement(); ResultSet rs = st.executeQuery(requete)) {
            while (rs.next()) {
                String territoire = rs.getString(2);
                if (territoire == null) {
                    continue; // a commune outside any EPCI
                }
                comptes.computeIfAbsent(Niveau.values()[rs.getInt(1)], k -> new HashMap<>())
                        .computeIfAbsent(territoire, k -> new HashMap<>())
                        .computeIfAbsent(MoteurRapports.verifierCategorie(def, rs.getString(3)), k -> new HashMap<>())
                        .merge(MoteurRapports.verifierColonne(def, rs.getString(4)), rs.getLong(5), Long::sum);
            }
        }
        return comptes;
    }

    /**
     * niveau → territoire → line key (or total) → statistic column → value, as
     * {@link Statistiques#calculer} computes them for one territory.
     */
    private static Map<Niveau, Map<String, Map<String, Map<String, Statistique>>>> statistiques(
            Connection connexion, DefinitionRapport def, List<Niveau> niveaux) throws SQLException {
        Map<Niveau, Map<String, Map<String, Map<String, Statistique>>>> resultat = new HashMap<>();
        if (def.sqlStatistiques() == null) {
            return resultat;
        }
        boolean parCategorie = Statistiques.aUneCategorie(connexion, MoteurRapports.sansPointVirgule(def.sqlStatistiques()));
        String requete = parNiveau(def.sqlStatistiques(), niveaux, niveau -> {
            String cle = cle(niveau);
            String groupes;
            if (niveau == Niveau.NATIONAL) {
                groupes = parCategorie ? " GROUP BY GROUPING SETS ((r.categorie), ())" : "";
            } else {
                groupes = parCategorie ? " GROUP BY GROUPING SETS ((" + cle + ", r.categorie), (" + cle + "))"
                        : " GROUP BY " + cle;
            }
            return "SELECT " + niveau.ordinal() + " AS niveau, " + cle + " AS territoire, "
                    + (parCategorie ? "r.categorie, grouping(r.categorie) <> 0" : "NULL, true") + " AS total, "
                    + "count(r.valeur), avg(r.valeur), median(CAST(r.valeur AS DOUBLE))"
                    + " FROM r" + jointure(niveau) + groupes;
        });
        try (Statement st = connexion.createStatement(); ResultSet rs = st.executeQuery(requete)) {
            while (rs.next()) {
                String territoire = rs.getString(2);
                if (territoire == null) {
                    continue;
                }
                String ligneCle = rs.getBoolean(4) ? TableCalculee.CLE_TOTAL : rs.getString(3);
                long unites = rs.getLong(5);
                Map<String, Statistique> ligne = new HashMap<>();
                for (ColonneDeclaree c : def.colonnes()) {
                    if (c.estStatistique()) {
                        Object v = rs.getObject(c.statistique().equals("moyenne") ? 6 : 7);
                        ligne.put(c.cle(), new Statistique(v == null ? null : Statistiques.arrondi(((Number) v).doubleValue()),
                                unites));
                    }
                }
                resultat.computeIfAbsent(Niveau.values()[rs.getInt(1)], k -> new HashMap<>())
                        .computeIfAbsent(territoire, k -> new HashMap<>()).put(ligneCle, ligne);
            }
        }
        return resultat;
    }
}
