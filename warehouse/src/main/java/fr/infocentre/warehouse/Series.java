package fr.infocentre.warehouse;

/**
 * A series of rapports (TABss-nn: ss is its id), as declared in {@code rapports/catalogue.yaml}.
 *
 * @param id         "01" … "06"
 * @param name       French name ("Évolution du stock")
 * @param visibility who may read its rapports
 */
public record Series(String id, String name, Visibility visibility) {

    /** Who may read the rapports of a series. */
    public enum Visibility {
        /** The Statistiques site, its API and the open-data files. */
        PUBLIC("public"),
        /** Gestionnaires territoriaux and State services only: never served by the public entry points. */
        RESTRICTED("restricted");

        private final String key;

        Visibility(String key) {
            this.key = key;
        }

        /** As written in catalogue.yaml. */
        public String key() {
            return key;
        }
    }

    /** "Série 01 – Évolution du stock", as the pages title a series. */
    public String label() {
        return "Série " + id + " – " + name;
    }
}
