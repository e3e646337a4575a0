package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Territoire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a release says about itself, {@code catalogue.json}: its series, its rapports (the metadata
 * of that year) and the territories of every level (the geography used), so that a server reads
 * everything from the release and nothing from the warehouse.
 */
record ReleaseCatalogue(List<Series> series, List<Rapport> rapports, Map<Level, List<Territoire>> territoires) {

    static final String FILE = "catalogue.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    void write(Path folder) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("series", series.stream().map(s -> Map.of("id", s.id(), "nom", s.name())).toList());
        doc.put("rapports", rapports.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("serie", r.series());
            m.put("titre", r.title());
            m.put("description", r.description());
            m.put("dimension", r.dimension());
            m.put("niveaux", r.levels().stream().map(Level::key).toList());
            m.put("graphique", r.chart());
            return m;
        }).toList());
        Map<String, Object> byLevel = new LinkedHashMap<>();
        territoires.forEach((level, list) -> byLevel.put(level.key(),
                list.stream().map(t -> List.of(t.code(), t.name())).toList()));
        doc.put("territoires", byLevel);
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(FILE).toFile(), doc);
    }

    static ReleaseCatalogue read(Path folder) {
        Path file = folder.resolve(FILE);
        JsonNode doc;
        try {
            doc = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<Series> series = new ArrayList<>();
        doc.get("series").forEach(s -> series.add(new Series(s.get("id").asText(), s.get("nom").asText(),
                Series.Visibility.PUBLIC)));
        List<Rapport> rapports = new ArrayList<>();
        doc.get("rapports").forEach(r -> {
            List<Level> levels = new ArrayList<>();
            r.get("niveaux").forEach(n -> levels.add(level(file, n.asText())));
            rapports.add(new Rapport(r.get("id").asText(), r.get("serie").asText(), r.get("titre").asText(),
                    r.get("description").asText(), r.get("dimension").asText(), List.copyOf(levels),
                    r.get("graphique").asText()));
        });
        Map<Level, List<Territoire>> territoires = new EnumMap<>(Level.class);
        doc.get("territoires").properties().forEach(e -> {
            Level level = level(file, e.getKey());
            List<Territoire> list = new ArrayList<>();
            e.getValue().forEach(t -> list.add(new Territoire(level, t.get(0).asText(), t.get(1).asText())));
            territoires.put(level, List.copyOf(list));
        });
        return new ReleaseCatalogue(List.copyOf(series), List.copyOf(rapports), territoires);
    }

    private static Level level(Path file, String key) {
        return Level.byKey(key).orElseThrow(() -> new IllegalStateException(file + ": unknown level " + key));
    }
}
