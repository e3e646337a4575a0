package fr.infocentre.warehouse;

/**
 * One column of a rapport's table.
 *
 * @param key   key in each line's values ("categorie", "effectif", "part", "mutation"…)
 * @param label French header
 * @param type  LABEL (the category label), COUNT (a count), PART (a share in %), VALUE (another figure)
 */
public record Column(String key, String label, Type type) {

    /** The kinds of column; {@link #code()} is how the published documents (JSON API, open data) name them. */
    public enum Type {
        LABEL("LIBELLE"), COUNT("EFFECTIF"), PART("PART"), VALUE("VALEUR");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        /** The published name, in French like every field of the public documents. */
        public String code() {
            return code;
        }
    }
}
