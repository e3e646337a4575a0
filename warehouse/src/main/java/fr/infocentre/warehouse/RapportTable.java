package fr.infocentre.warehouse;

import java.util.LinkedHashMap;
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

    /**
     * Whether a cell of one of {@link #lignes()} (or of {@link #total()}) is masked by the secret
     * statistique. A null value that is not masked is a figure that does not exist (a ratio over
     * 0, a year the data does not cover): renderers leave it empty rather than marking it "s".
     */
    public boolean masque(Map<String, Object> ligne, String colonne) {
        return masques.contains(new Masque(String.valueOf(ligne.get("cle")), colonne));
    }

    /**
     * The published document of this table (JSON API, open-data files), as an ordered map:
     * rapport, titre, territoire {niveau, code, nom}, annee, colonnes [{cle, libelle, type}],
     * lignes [{cle, then one value per column}], total, masques [{ligne, colonne}], notes.
     * A masked figure is null and listed in masques.
     */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rapport", rapport.id());
        doc.put("titre", rapport.titre());
        doc.put("territoire", ordonne("niveau", territoire.niveau().cle(), "code", territoire.code(),
                "nom", territoire.nom()));
        doc.put("annee", annee);
        doc.put("colonnes", colonnes.stream().map(c -> ordonne("cle", c.cle(), "libelle", c.libelle(),
                "type", c.type().name())).toList());
        doc.put("lignes", lignes.stream().map(this::ligne).toList());
        doc.put("total", total == null ? null : ligne(total));
        doc.put("masques", masques.stream().map(m -> ordonne("ligne", m.ligne(), "colonne", m.colonne())).toList());
        doc.put("notes", notes);
        return doc;
    }

    private static Map<String, Object> ordonne(Object... clesValeurs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < clesValeurs.length; i += 2) {
            doc.put((String) clesValeurs[i], clesValeurs[i + 1]);
        }
        return doc;
    }

    /** A line's key (as in masques), then its values in column order. */
    private Map<String, Object> ligne(Map<String, Object> valeurs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cle", valeurs.get("cle"));
        colonnes.forEach(c -> doc.put(c.cle(), valeurs.get(c.cle())));
        return doc;
    }

    /** A masked cell: the line's category key (or "total") and the column key. */
    public record Masque(String ligne, String colonne) {
    }
}
