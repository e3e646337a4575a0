package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back a published table ({@link RapportTable#document()}) into the table it was written
 * from: the inverse of {@code document()}, decimals kept exactly as written.
 */
final class TableDocument {

    /** Decimals read as written: 0.0 stays 0.0 (Jackson's node factory would otherwise normalize it to 0). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private TableDocument() {
    }

    static RapportTable read(byte[] document, Rapport rapport) throws IOException {
        JsonNode doc = JSON.readTree(document);
        JsonNode t = doc.get("territoire");
        Level level = Level.byKey(t.get("niveau").asText()).orElseThrow();
        Territoire territoire = new Territoire(level, t.get("code").asText(), t.get("nom").asText());
        List<Column> columns = new ArrayList<>();
        for (JsonNode c : doc.get("colonnes")) {
            String code = c.get("type").asText();
            Column.Type type = Arrays.stream(Column.Type.values()).filter(ty -> ty.code().equals(code)).findFirst()
                    .orElseThrow(() -> new IOException("unknown column type " + code));
            columns.add(new Column(c.get("cle").asText(), c.get("libelle").asText(), type));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (JsonNode line : doc.get("lignes")) {
            lines.add(values(line));
        }
        JsonNode total = doc.get("total");
        List<RapportTable.Mask> masks = new ArrayList<>();
        for (JsonNode m : doc.get("masques")) {
            masks.add(new RapportTable.Mask(m.get("ligne").asText(), m.get("colonne").asText()));
        }
        List<String> notes = new ArrayList<>();
        doc.get("notes").forEach(n -> notes.add(n.asText()));
        return new RapportTable(rapport, territoire, doc.get("annee").asInt(), List.copyOf(columns), lines,
                total == null || total.isNull() ? null : values(total), List.copyOf(masks), List.copyOf(notes));
    }

    private static Map<String, Object> values(JsonNode line) {
        Map<String, Object> values = new LinkedHashMap<>();
        line.properties().forEach(e -> values.put(e.getKey(), value(e.getValue())));
        return values;
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        return v.asText();
    }
}
