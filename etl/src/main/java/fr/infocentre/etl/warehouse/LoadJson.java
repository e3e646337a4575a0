package fr.infocentre.etl.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.infocentre.etl.extract.Manifest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a version's {@code load.json}: what was loaded, from which extract, when. */
public final class LoadJson {

    public static final String FILE_NAME = "load.json";

    private LoadJson() {
    }

    public static void write(Path file, Manifest manifest, Instant loadedAt,
                             Map<String, Long> rowsWritten, Map<String, Long> quarantined) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "infocentre-warehouse");
        json.put("version", 1);
        json.put("date_extraction", manifest.dateExtraction().toString());
        manifest.perimetre().ifPresent(p -> json.put("perimetre", p));
        json.put("charge_le", loadedAt.toString());
        json.put("lignes", rowsWritten);
        json.put("quarantaine", quarantined);
        new ObjectMapper().writeValue(file.toFile(), json);
    }
}
