package fr.infocentre.warehouse;

import java.util.List;
import java.util.Map;

/**
 * A computed rapport for one territory and one year, already protected by the secret
 * statistique: a masked figure is {@code null} in {@link #lignes()} / {@link #total()} and
 * listed in {@link #masques()}. Renderers (JSON, CSV, HTML…) only ever see this.
 *
 * @param lignes  one map per category, in the rapport's order, keyed by {@link Colonne#cle()}
 * @param total   the total line, or null when a total makes no sense (flows such as TAB01-01)
 * @param masques the masked cells
 * @param notes   French notes shown under the table
 */
public record RapportTable(Rapport rapport, Territoire territoire, int annee, List<Colonne> colonnes,
                           List<Map<String, Object>> lignes, Map<String, Object> total,
                           List<Masque> masques, List<String> notes) {

    /** A masked cell: the line's category key (or "total") and the column key. */
    public record Masque(String ligne, String colonne) {
    }
}
