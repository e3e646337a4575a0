package fr.infocentre.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The model of a millésime's open-data page: its files as datapackage.json lists them, sizes in French. */
public final class OpenDataPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenDataPage() {
    }

    public static Map<String, Object> model(int millesime, List<Integer> millesimes, Path folder) {
        JsonNode pack;
        try {
            pack = JSON.readTree(folder.resolve("datapackage.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the open data of " + millesime + " in " + folder, e);
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (JsonNode r : pack.get("resources")) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", r.get("path").asText());
            file.put("title", r.get("title").asText());
            file.put("description", r.get("description").asText());
            file.put("format", r.get("format").asText().toUpperCase(Locale.ROOT));
            file.put("size", size(r.get("bytes").asLong()));
            files.add(file);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("millesime", millesime);
        model.put("millesimes", millesimes);
        model.put("licence", pack.at("/licenses/0/title").asText());
        model.put("licenceUrl", pack.at("/licenses/0/path").asText());
        model.put("source", pack.at("/sources/0/title").asText());
        model.put("created", pack.path("created").asText(""));
        model.put("files", files);
        return model;
    }

    /** "12,3 Mo", "840 octets". */
    static String size(long bytes) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return bytes + " octets";
        }
        if (bytes < 1024 * 1024) {
            return f.format(bytes / 1024.0) + " ko";
        }
        return f.format(bytes / (1024.0 * 1024)) + " Mo";
    }
}
