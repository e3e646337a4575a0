package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;


import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The head of a publication file; each of its tables is {@link RapportTable#document()}, the
 * shape the API serves for {@code /api/v1/rapports/{id}}.
 */
final class LevelFileHeader {

    private LevelFileHeader() {
    }

    /** The head of a {@code <rapport>/<level>.json} file (its "tables" follow). */
    static Map<String, Object> header(Rapport r, Level level, int millesime, int territoires) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rapport", r.id());
        doc.put("serie", r.series());
        doc.put("titre", r.title());
        doc.put("description", r.description());
        doc.put("niveau", level.key());
        doc.put("annee", millesime);
        doc.put("territoires", territoires);
        return doc;
    }
}
