package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.Niveau;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The head of a publication file; each of its tables is {@link RapportTable#document()}, the
 * shape the API serves for {@code /api/v1/rapports/{id}}.
 */
final class Documents {

    private Documents() {
    }

    /** The head of a {@code <rapport>/<niveau>.json} file (its "tables" follow). */
    static Map<String, Object> entete(Rapport r, Niveau niveau, int annee, int territoires) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rapport", r.id());
        doc.put("serie", r.serie());
        doc.put("titre", r.titre());
        doc.put("description", r.description());
        doc.put("niveau", niveau.cle());
        doc.put("annee", annee);
        doc.put("territoires", territoires);
        return doc;
    }
}
