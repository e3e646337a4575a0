package fr.infocentre.warehouse;

import java.util.List;

/**
 * Everything the engine needs to compute one rapport, as declared in
 * {@code rapports/<id>.yaml}, {@code rapports/<id>.sql} and the dimension it references.
 *
 * @param rapport          the public metadata
 * @param dimension        the ordered categories of the rows
 * @param colonnes         the figure columns, in display order
 * @param total            whether a total line is published
 * @param reference        note template giving the reference date ("{annee}" is replaced)
 * @param horsAssociations whether demandes of a personne morale are excluded
 * @param sql              a single SELECT returning code_commune, categorie, [colonne,] n
 */
record DefinitionRapport(Rapport rapport, Dimension dimension, List<ColonneDeclaree> colonnes, boolean total,
                         String reference, boolean horsAssociations, String sql) {

    /** The count columns the SQL feeds directly (neither sums nor shares). */
    List<ColonneDeclaree> colonnesSql() {
        return colonnes.stream().filter(ColonneDeclaree::alimenteeParSql).toList();
    }

    /** Whether the SQL returns a {@code colonne} column (it does when it feeds several count columns). */
    boolean sqlAvecColonne() {
        return colonnesSql().size() > 1;
    }

    /** An ordered list of categories, shared by the rapports that reference it. */
    record Dimension(String entete, String libelle, List<Categorie> categories) {
    }

    /** One category: its key (as the SQL returns it) and its French label ("{annee}" is replaced). */
    record Categorie(String cle, String libelle) {
    }

    /**
     * A figure column: a count fed by the SQL, the sum of other count columns ({@code somme}),
     * or the share (%) of a count column in its total ({@code partDe}).
     */
    record ColonneDeclaree(String cle, String libelle, List<String> somme, String partDe) {

        boolean estPart() {
            return partDe != null;
        }

        boolean estSomme() {
            return somme != null && !somme.isEmpty();
        }

        boolean alimenteeParSql() {
            return !estPart() && !estSomme();
        }
    }
}
