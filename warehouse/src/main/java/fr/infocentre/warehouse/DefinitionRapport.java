package fr.infocentre.warehouse;

import java.util.List;

/**
 * Everything the engine needs to compute one rapport, as declared in
 * {@code rapports/<id>.yaml}, {@code rapports/<id>.sql} (and {@code rapports/<id>.stats.sql})
 * and the dimension it references.
 *
 * @param rapport          the public metadata
 * @param dimension        the ordered categories of the rows
 * @param colonnes         the figure columns, in display order
 * @param total            whether a total line is published
 * @param reference        note template giving the reference date ("{annee}" is replaced)
 * @param horsAssociations whether demandes of a personne morale are excluded
 * @param sql              a single SELECT returning code_commune, categorie, [colonne,] n
 * @param sqlStatistiques  null, or a single SELECT returning one row per unit: code_commune,
 *                         [categorie,] valeur (the statistic columns aggregate it)
 */
record DefinitionRapport(Rapport rapport, Dimension dimension, List<ColonneDeclaree> colonnes, boolean total,
                         String reference, boolean horsAssociations, String sql, String sqlStatistiques) {

    /** The count columns the SQL feeds directly (neither sums nor shares nor derived figures). */
    List<ColonneDeclaree> colonnesSql() {
        return colonnes.stream().filter(ColonneDeclaree::alimenteeParSql).toList();
    }

    /** Whether the SQL returns a {@code colonne} column (it does when it feeds several count columns). */
    boolean sqlAvecColonne() {
        return colonnesSql().size() > 1;
    }

    /**
     * An ordered list of categories, shared by the rapports that reference it; {@code identite},
     * when given, is an accounting identity between its lines that anyone can check on the
     * published figures (the secret statistique must take it into account).
     */
    record Dimension(String entete, String libelle, List<Categorie> categories, Identite identite) {
    }

    /** Σ of the lines {@code gauche} = Σ of the lines {@code droite}, for every territory and column. */
    record Identite(List<String> gauche, List<String> droite) {

        /** +1 for a line of the left side, −1 for the right side, 0 for a line outside the identity. */
        int cote(String ligne) {
            return gauche.contains(ligne) ? 1 : droite.contains(ligne) ? -1 : 0;
        }
    }

    /**
     * One category: its key (as the SQL returns it) and its French label ("{annee}" is replaced).
     * A line about another year than the rapport's declares it with {@code decalage} (−2 for
     * year N−2): "{annee}" is then that year, and the line is left empty (with a note) when
     * the data does not cover that year.
     */
    record Categorie(String cle, String libelle, Integer decalage) {

        int annee(int annee) {
            return decalage == null ? annee : annee + decalage;
        }
    }

    /**
     * A figure column, one of:
     * <ul>
     *   <li>a count fed by the SQL (none of the fields below);</li>
     *   <li>{@code somme}: the sum of other count columns;</li>
     *   <li>{@code partDe}: the share (%) of a count column in its total;</li>
     *   <li>{@code ratio: [a, b]}: count column a / count column b, one decimal (in %, a × 100 / b,
     *       with {@code pourcent: true});</li>
     *   <li>{@code variation}: change in % of a count column, against the previous line or
     *       against another count column of the same line, one decimal;</li>
     *   <li>{@code statistique}: {@code moyenne} or {@code mediane} of the values returned by
     *       {@code <id>.stats.sql}, over the units of the line and territory, one decimal.</li>
     * </ul>
     */
    record ColonneDeclaree(String cle, String libelle, List<String> somme, String partDe, List<String> ratio,
                           boolean pourcent, Variation variation, String statistique) {

        static final List<String> STATISTIQUES = List.of("moyenne", "mediane");

        boolean estPart() {
            return partDe != null;
        }

        boolean estSomme() {
            return somme != null && !somme.isEmpty();
        }

        boolean estRatio() {
            return ratio != null && !ratio.isEmpty();
        }

        boolean estVariation() {
            return variation != null;
        }

        boolean estStatistique() {
            return statistique != null;
        }

        /** A count (fed by the SQL or a sum of counts). */
        boolean estEffectif() {
            return !estPart() && !estRatio() && !estVariation() && !estStatistique();
        }

        boolean alimenteeParSql() {
            return estEffectif() && !estSomme();
        }

        /** The count columns it is computed from. */
        List<String> sources() {
            if (estSomme()) {
                return somme;
            }
            if (estPart()) {
                return List.of(partDe);
            }
            if (estRatio()) {
                return ratio;
            }
            if (estVariation()) {
                return variation.reference() == null ? List.of(variation.colonne())
                        : List.of(variation.reference(), variation.colonne());
            }
            return List.of();
        }

        Colonne.Type type() {
            return estPart() || estRatio() && pourcent ? Colonne.Type.PART
                    : estEffectif() ? Colonne.Type.EFFECTIF : Colonne.Type.VALEUR;
        }
    }

    /**
     * Change in % of count column {@code colonne}: from the previous line's value, or, when
     * {@code reference} is given, from this line's value of count column {@code reference}.
     */
    record Variation(String colonne, String reference) {
    }
}
