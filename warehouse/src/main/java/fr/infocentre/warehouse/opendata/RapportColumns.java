package fr.infocentre.warehouse.opendata;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Level;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of a rapport's open-data files, from the "colonnes" of its tables: the territory
 * (niveau, code, libelle), the category (categorie: its key, "total" for the total line;
 * categorie_libelle: its label), then each figure followed by its flag {@code <cle>_secret}.
 *
 * @param colonnes the published columns they come from (every table of the rapport has the same)
 * @param label      the key of the category label column
 * @param labelTitle its French header
 * @param figures    the figure columns, in the rapport's order
 */
record RapportColumns(JsonNode colonnes, String label, String labelTitle, List<Figure> figures) {

    static final String SECRET_SUFFIX = "_secret";
    static final List<String> PRIMARY_KEY = List.of("niveau", "code", "categorie");

    /** A figure column of the rapport. */
    record Figure(String key, String libelle, FieldType type) {

        String flag() {
            return key + SECRET_SUFFIX;
        }
    }

    RapportColumns {
        figures = List.copyOf(figures);
    }

    static RapportColumns of(JsonNode colonnes) {
        String label = null;
        String labelTitle = null;
        List<Figure> figures = new ArrayList<>();
        for (JsonNode c : colonnes) {
            String key = c.get("cle").asText();
            String type = c.get("type").asText();
            if (Column.Type.LABEL.code().equals(type)) {
                if (label != null) {
                    throw new IllegalStateException("Two category label columns: " + label + ", " + key);
                }
                label = key;
                labelTitle = c.get("libelle").asText();
            } else {
                figures.add(new Figure(key, c.get("libelle").asText(), FieldType.ofFigure(type)));
            }
        }
        if (label == null) {
            throw new IllegalStateException("No category label column in " + colonnes);
        }
        return new RapportColumns(colonnes, label, labelTitle, figures);
    }

    /** Every column of the files, in order (names checked unique). */
    List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("niveau", "Niveau territorial",
                "Niveau du territoire : national (France), region, departement, epci ou commune.",
                FieldType.STRING, true, Arrays.stream(Level.values()).map(Level::key).toList(), null));
        fields.add(Field.required("code", "Code du territoire",
                "Code du territoire à son niveau : FR pour la France, code officiel géographique d'une région,"
                        + " d'un département ou d'une commune, SIREN d'un EPCI.",
                FieldType.STRING));
        fields.add(Field.required("libelle", "Libellé du territoire", "Nom du territoire.", FieldType.STRING));
        fields.add(Field.required("categorie", "Catégorie",
                "Clé de la catégorie de la ligne ; « total » pour la ligne de total du territoire.",
                FieldType.STRING));
        fields.add(Field.required("categorie_libelle", labelTitle,
                "Libellé de la catégorie de la ligne.", FieldType.STRING));
        for (Figure f : figures) {
            fields.add(new Field(f.key(), f.libelle(), f.libelle() + " ; vide si la valeur est masquée par le"
                    + " secret statistique (" + f.flag() + " vaut true) ou n'existe pas.", f.type(), false,
                    List.of(), f.type() == FieldType.INTEGER ? 0L : null));
            fields.add(Field.required(f.flag(), f.libelle() + " : secret statistique",
                    "true si la valeur de " + f.key() + " est masquée par le secret statistique (elle est alors"
                            + " vide), false sinon.", FieldType.BOOLEAN));
        }
        if (fields.stream().map(Field::name).distinct().count() != fields.size()) {
            throw new IllegalStateException("A column of the rapport clashes with the open-data columns: " + colonnes);
        }
        return fields;
    }
}
