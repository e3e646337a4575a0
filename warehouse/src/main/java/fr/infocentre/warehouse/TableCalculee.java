package fr.infocentre.warehouse;

import java.util.List;
import java.util.Map;

/**
 * A rapport as computed, before the secret statistique: exact counts everywhere. It never
 * leaves this package; {@link SecretStatistique} turns it into the public {@link RapportTable}.
 *
 * @param lignes       the category lines, in the dimension's order
 * @param total        the total line (always computed: shares are taken from it)
 * @param totalPublie  whether the total line is published
 * @param notes        notes on what is counted (the protection adds its own)
 */
record TableCalculee(Rapport rapport, Territoire territoire, int annee, List<Colonne> colonnes,
                     List<Ligne> lignes, Ligne total, boolean totalPublie, List<String> notes) {

    static final String CLE_TOTAL = "total";

    /** One line: category key, label and one value per figure column. */
    record Ligne(String cle, String libelle, Map<String, Valeur> valeurs) {
    }

    /** A figure: a count, a share, another figure derived from counts, a statistic, or nothing. */
    sealed interface Valeur permits Effectif, Part, Derivee, Statistique, NonDisponible {
    }

    /** A count of demandes or attributions. */
    record Effectif(long n) implements Valeur {
    }

    /**
     * The share (%) of this line's count in the total's count of column {@code colonneEffectif};
     * {@code pourcentage} is null when the total is 0.
     */
    record Part(Double pourcentage, String colonneEffectif) implements Valeur {
    }

    /**
     * A figure computed from counts (a ratio, a change in %): {@code valeur} is null when it is
     * undefined (division by 0); {@code sources} are the count cells it is computed from (a
     * masked source masks it).
     */
    record Derivee(Double valeur, List<Cellule> sources) implements Valeur {
    }

    /** A mean or a median over {@code unites} units (null over none). */
    record Statistique(Double valeur, long unites) implements Valeur {
    }

    /**
     * A cell the data cannot fill (a year before the history kept, a change with no previous
     * line): published empty, not masked, explained by a note.
     */
    record NonDisponible() implements Valeur {
    }

    /** A cell of the table: line key (or {@value #CLE_TOTAL}) and column key. */
    record Cellule(String ligne, String colonne) {
    }
}
