package fr.infocentre.etl.generator;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes manifest.json (format "sne-extract", version 1) from an {@link ExtractSummary}. */
final class ManifestWriter {

    static final String MANIFEST = "manifest.json";

    private ManifestWriter() {
    }

    static void write(Path dir, ExtractSummary summary) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "sne-extract");
        root.put("version", 1);
        root.put("date_extraction", summary.dateExtraction().toString());
        if (!summary.perimetre().isEmpty()) {
            ArrayNode perimetre = root.putArray("perimetre");
            summary.perimetre().forEach(perimetre::add);
        }
        ObjectNode fichiers = root.putObject("fichiers");
        for (Map.Entry<String, ExtractSummary.FileInfo> e : summary.fichiers().entrySet()) {
            ObjectNode file = fichiers.putObject(e.getKey());
            file.put("lignes", e.getValue().lignes());
            file.put("sha256", e.getValue().sha256());
        }
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        mapper.writer(printer).writeValue(dir.resolve(MANIFEST).toFile(), root);
    }
}
