package fr.infocentre.api;

import fr.infocentre.warehouse.Colonne;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;

import java.util.LinkedHashMap;
import java.util.List;
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

    /** A computed rapport: masked figures are null and listed in "masques". */
    static Map<String, Object> table(RapportTable t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rapport", t.rapport().id());
        doc.put("titre", t.rapport().titre());
        doc.put("territoire", territoire(t.territoire()));
        doc.put("annee", t.annee());
        doc.put("colonnes", t.colonnes().stream().map(Documents::colonne).toList());
        doc.put("lignes", t.lignes().stream().map(l -> ligne(t.colonnes(), l)).toList());
        doc.put("total", t.total() == null ? null : ligne(t.colonnes(), t.total()));
        doc.put("masques", t.masques());
        doc.put("notes", t.notes());
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

    private static Map<String, Object> colonne(Colonne c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cle", c.cle());
        doc.put("libelle", c.libelle());
        doc.put("type", c.type().name());
        return doc;
    }

    /** The line's values in column order (a masked value stays null). */
    private static Map<String, Object> ligne(List<Colonne> colonnes, Map<String, Object> valeurs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        colonnes.forEach(c -> doc.put(c.cle(), valeurs.get(c.cle())));
        return doc;
    }
}
