package fr.infocentre.warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A computed rapport for one territory and one year, already protected by the secret
 * statistique: a masked figure is {@code null} in {@link #lines()} / {@link #total()} and
 * listed in {@link #masks()}. Renderers (JSON, CSV, HTML…) only ever see this.
 *
 * @param lines one map per category, in the rapport's order, keyed by {@link Column#key()}
 * @param total the total line, or null when a total makes no sense (flows such as TAB01-01)
 * @param masks the masked cells
 * @param notes French notes shown under the table
 */
public record RapportTable(Rapport rapport, Territoire territoire, int millesime, List<Column> columns,
                           List<Map<String, Object>> lines, Map<String, Object> total,
                           List<Mask> masks, List<String> notes) {

    /**
     * Whether a cell of one of {@link #lines()} (or of {@link #total()}) is masked by the secret
     * statistique. A null value that is not masked is a figure that does not exist (a ratio over
     * 0, a year the data does not cover): renderers leave it empty rather than marking it "s".
     */
    public boolean mask(Map<String, Object> line, String column) {
        return masks.contains(new Mask(String.valueOf(line.get("cle")), column));
    }

    /** The line of that key ({@code "total"}: the total line), or null when there is none. */
    public Map<String, Object> lineOf(String key) {
        if ("total".equals(key)) {
            return total;
        }
        return lines.stream().filter(l -> key.equals(l.get("cle"))).findFirst().orElse(null);
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
        doc.put("titre", rapport.title());
        doc.put("territoire", ordered("niveau", territoire.level().key(), "code", territoire.code(),
                "nom", territoire.name()));
        doc.put("annee", millesime);
        doc.put("colonnes", columns.stream().map(c -> ordered("cle", c.key(), "libelle", c.label(),
                "type", c.type().code())).toList());
        doc.put("lignes", lines.stream().map(this::line).toList());
        doc.put("total", total == null ? null : line(total));
        doc.put("masques", masks.stream().map(m -> ordered("ligne", m.line(), "colonne", m.column())).toList());
        doc.put("notes", notes);
        return doc;
    }

    private static Map<String, Object> ordered(Object... valueKeys) {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < valueKeys.length; i += 2) {
            doc.put((String) valueKeys[i], valueKeys[i + 1]);
        }
        return doc;
    }

    /** A line's key (as in masques), then its values in column order. */
    private Map<String, Object> line(Map<String, Object> values) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cle", values.get("cle"));
        columns.forEach(c -> doc.put(c.key(), values.get(c.key())));
        return doc;
    }

    /** A masked cell: the line's category key (or "total") and the column key. */
    public record Mask(String line, String column) {
    }
}
