package fr.infocentre.api.render;

import fr.infocentre.api.request.RequestError;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Territoire;


import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON documents, as ordered maps built from the warehouse's types. */
public final class ApiDocuments {

    private ApiDocuments() {
    }

    /** A catalogue entry. */
    public static Map<String, Object> rapport(Rapport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", r.id());
        doc.put("serie", r.series());
        doc.put("titre", r.title());
        doc.put("description", r.description());
        doc.put("dimension", r.dimension());
        doc.put("niveaux", r.levels().stream().map(n -> n.key()).toList());
        doc.put("graphique", r.chart());
        doc.put("url", "/api/v1/rapports/" + r.id());
        return doc;
    }

    public static Map<String, Object> territoire(Territoire t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("niveau", t.level().key());
        doc.put("code", t.code());
        doc.put("nom", t.name());
        return doc;
    }

    /** An item of the territory selectors. */
    public static Map<String, Object> choice(Territoire t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("code", t.code());
        doc.put("nom", t.name());
        return doc;
    }

    public static Map<String, Object> error(RequestError e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("erreur", e.getMessage());
        if (e.parameter() != null) {
            doc.put("parametre", e.parameter());
        }
        return doc;
    }
}
