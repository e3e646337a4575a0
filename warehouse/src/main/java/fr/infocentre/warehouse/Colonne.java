package fr.infocentre.warehouse;

/**
 * One column of a rapport's table.
 *
 * @param cle     key in each line's values ("categorie", "effectif", "part", "mutation"…)
 * @param libelle French header
 * @param type    LIBELLE (the category label), EFFECTIF (a count), PART (a share in %), VALEUR (another figure)
 */
public record Colonne(String cle, String libelle, Type type) {
    public enum Type { LIBELLE, EFFECTIF, PART, VALEUR }
}
