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

    /** A figure: a count, or a share computed from the counts of one column. */
    sealed interface Valeur permits Effectif, Part {
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
}
