package fr.infocentre.api.gestion;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.DemandeList;
import fr.infocentre.warehouse.Guichet;
import fr.infocentre.warehouse.GuichetEvolution;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of rapport 06 under {@code /api/v1/gestion} (French keys, as the public API's): the table,
 * exact or diffusable, the demandes behind an indicator, a guichet's months. The pages embed the same documents.
 */
final class Rapport06Documents {

    private Rapport06Documents() {
    }

    /** The table: its scope, period, data date, indicators, guichets' rows, reference lines and notes. */
    static Map<String, Object> table(ActivityTable t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rapport", t.rapport().id());
        doc.put("titre", t.rapport().title());
        doc.put("version", t.diffusable() ? "diffusable" : "exacte");
        doc.put("perimetre", ordered("type", t.scope().kind().key(), "code", t.scope().code(), "nom", t.scopeName()));
        doc.put("periode", period(t.period(), t.start(), t.end(), t.complete(), t.dataDate()));
        doc.put("donnees_au", t.dataDate().toString());
        doc.put("indicateurs", t.indicators().stream().map(Rapport06Documents::indicator).toList());
        doc.put("guichets", t.guichets().stream().map(r -> row(r, t.indicators())).toList());
        doc.put("references", t.references().stream().map(r -> row(r, t.indicators())).toList());
        doc.put("notes", t.notes());
        return doc;
    }

    /** The demandes behind an indicator of a guichet. */
    static Map<String, Object> list(DemandeList l) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rapport", fr.infocentre.warehouse.GuichetActivity.RAPPORT);
        doc.put("indicateur", indicator(l.indicator()));
        doc.put("guichet", guichet(l.guichet()));
        doc.put("periode", period(l.period(), l.start(), l.end(), l.period().complete(l.dataDate()), l.dataDate()));
        doc.put("donnees_au", l.dataDate().toString());
        doc.put("champs", l.fields().stream().map(f -> ordered("cle", f.key(), "libelle", f.label())).toList());
        doc.put("total", l.total());
        doc.put("tronquee", l.truncated());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : l.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            l.fields().forEach(f -> row.put(f.key(), json(r.get(f.key()))));
            rows.add(row);
        }
        doc.put("demandes", rows);
        return doc;
    }

    /** A guichet's months, oldest first, with its département's reference line. */
    static Map<String, Object> evolution(GuichetEvolution e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rapport", fr.infocentre.warehouse.GuichetActivity.RAPPORT);
        doc.put("guichet", guichet(e.guichet()));
        doc.put("donnees_au", e.dataDate().toString());
        doc.put("indicateurs", e.indicators().stream().map(Rapport06Documents::indicator).toList());
        doc.put("mois", e.months().stream().map(m -> {
            Map<String, Object> month = period(m.period(), m.start(), m.end(), m.complete(), e.dataDate());
            month.put("guichet", values(m.guichet(), e.indicators()));
            month.put("reference", values(m.reference(), e.indicators()));
            return month;
        }).toList());
        return doc;
    }

    static Map<String, Object> indicator(Indicator i) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cle", i.key());
        doc.put("libelle", i.label());
        doc.put("numero", i.numero());
        doc.put("type", i.type().code());
        doc.put("unite", i.unit());
        doc.put("seuil", i.threshold());
        doc.put("demandes", i.demandes());
        return doc;
    }

    private static Map<String, Object> guichet(Guichet g) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("code", g.code());
        doc.put("libelle", g.libelle());
        doc.put("type", g.type());
        doc.put("departement", g.departement());
        doc.put("region", g.region());
        doc.put("ouverture", g.ouverture() == null ? null : g.ouverture().toString());
        doc.put("fermeture", g.fermeture() == null ? null : g.fermeture().toString());
        return doc;
    }

    private static Map<String, Object> period(Period p, LocalDate start, LocalDate end, boolean complete, LocalDate dataDate) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cle", p.key());
        doc.put("libelle", p.label(dataDate));
        doc.put("debut", start.toString());
        doc.put("fin", end.toString());
        doc.put("achevee", complete);
        return doc;
    }

    /** A row: its kind, code, name, département, values, flagged and masked indicators. */
    private static Map<String, Object> row(ActivityRow r, List<Indicator> indicators) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", r.kind().name().toLowerCase(java.util.Locale.ROOT));
        doc.put("code", r.code());
        doc.put("nom", r.name());
        doc.put("departement", r.departement());
        doc.putAll(values(r, indicators));
        return doc;
    }

    /** Its values in the indicators' order (null: masked, or a rate or mean over no unit), flags and masks likewise. */
    private static Map<String, Object> values(ActivityRow r, List<Indicator> indicators) {
        Map<String, Object> values = new LinkedHashMap<>();
        indicators.forEach(i -> values.put(i.key(), r.value(i.key())));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("valeurs", values);
        doc.put("signales", indicators.stream().map(Indicator::key).filter(r::flagged).toList());
        doc.put("masques", indicators.stream().map(Indicator::key).filter(r::masked).toList());
        return doc;
    }

    /** A value of a list for JSON: dates as ISO text, the rest as it is. */
    private static Object json(Object value) {
        return value instanceof LocalDate d ? d.toString() : value;
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            doc.put((String) keyValues[i], keyValues[i + 1]);
        }
        return doc;
    }
}
