package fr.infocentre.api;

import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Territoire;

import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON documents, as ordered maps built from the warehouse's types. */
final class Documents {

    private Documents() {
    }

    /** A catalogue entry. */
    static Map<String, Object> rapport(Rapport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", r.id());
        doc.put("serie", r.serie());
        doc.put("titre", r.titre());
        doc.put("description", r.description());
        doc.put("dimension", r.dimension());
        doc.put("niveaux", r.niveaux().stream().map(n -> n.cle()).toList());
        doc.put("graphique", r.graphique());
        doc.put("url", "/api/v1/rapports/" + r.id());
        return doc;
    }

    static Map<String, Object> territoire(Territoire t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("niveau", t.niveau().cle());
        doc.put("code", t.code());
        doc.put("nom", t.nom());
        return doc;
    }

    /** An item of the territory selectors. */
    static Map<String, Object> choix(Territoire t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("code", t.code());
        doc.put("nom", t.nom());
        return doc;
    }

    static Map<String, Object> erreur(ErreurRequete e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("erreur", e.getMessage());
        if (e.parametre() != null) {
            doc.put("parametre", e.parametre());
        }
        return doc;
    }
}
