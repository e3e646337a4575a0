package fr.infocentre.warehouse.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A version's {@code load.json}: what was loaded, from which extract, when.
 *
 * <pre>
 * {"format":"infocentre-warehouse","version":1,"date_extraction":"2025-12-28",
 *  "perimetre":["06"],"charge_le":"2025-12-28T15:30:12Z",
 *  "lignes":{"demandes":1234,…},"quarantaine":{"demandes.csv":3,…}}
 * </pre>
 *
 * @param format         {@code format}: {@link WarehouseFormat#NAME}
 * @param version        {@code version}: {@link WarehouseFormat#VERSION}
 * @param dateExtraction {@code date_extraction}: date of the SNE extract loaded
 * @param perimeter      {@code perimetre}: départements covered, as the extract's manifest gives
 *                        them; empty (the key absent) when the extract covers all of France
 * @param loadedAt        {@code charge_le}: when the load started (UTC)
 * @param rowsWritten     {@code lignes}: rows written per table name, in the order written
 * @param rowsQuarantined {@code quarantaine}: rows quarantined per extract file name
 *                        ({@code demandes.csv}, …)
 * @param extractFiles    {@code extrait}: per extract file name, the data rows and SHA-256 its
 *                        manifest declared (what the next load is compared with); empty (the key
 *                        absent) in a version written before the weekly merge
 * @param merge           {@code fusion}: per extract file name, how its rows went into the
 *                        history ({@code lues}, {@code quarantaine}, {@code nouvelles}, …,
 *                        docs/warehouse-format.md); empty (absent) before the weekly merge
 * @param historyCompleteFrom {@code historique_complet_depuis}: the day from which the history
 *                        holds every demande, as the operator declared it at the first load
 *                        (carried over by every merge); empty (absent) when not declared
 * @param referenceSha256 {@code reference_sha256}: the digest of the project's reference copy the
 *                        geography and plafonds tables were written from (a later load with the
 *                        same copy links those tables instead of writing them again); empty
 *                        (absent) before the weekly merge
 */
public record LoadJson(String format, int version, LocalDate dateExtraction, Optional<List<String>> perimetre,
                       Instant loadedAt, Map<String, Long> rowsWritten, Map<String, Long> rowsQuarantined,
                       Map<String, FileDigest> extractFiles, Map<String, Map<String, Long>> merge,
                       Optional<LocalDate> historyCompleteFrom, Optional<String> referenceSha256) {

    /** What a manifest declares of one extract file: its data rows and SHA-256. */
    public record FileDigest(long lignes, String sha256) {
    }

    private static final String FORMAT = "format";
    private static final String VERSION = "version";
    private static final String DATE_EXTRACTION = "date_extraction";
    private static final String PERIMETRE = "perimetre";
    private static final String CHARGE_LE = "charge_le";
    private static final String LIGNES = "lignes";
    private static final String QUARANTAINE = "quarantaine";
    private static final String EXTRAIT = "extrait";
    private static final String FUSION = "fusion";
    private static final String SHA256 = "sha256";
    private static final String HISTORIQUE = "historique_complet_depuis";
    private static final String REFERENCE = "reference_sha256";

    private static final ObjectMapper JSON = new ObjectMapper();

    public LoadJson {
        Objects.requireNonNull(format, FORMAT);
        Objects.requireNonNull(dateExtraction, DATE_EXTRACTION);
        perimetre = perimetre.map(List::copyOf);
        Objects.requireNonNull(loadedAt, CHARGE_LE);
        rowsWritten = Collections.unmodifiableMap(new LinkedHashMap<>(rowsWritten));
        rowsQuarantined = Collections.unmodifiableMap(new LinkedHashMap<>(rowsQuarantined));
        extractFiles = Collections.unmodifiableMap(new LinkedHashMap<>(extractFiles));
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        merge.forEach((file, counts) -> m.put(file, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
        merge = Collections.unmodifiableMap(m);
    }

    /** A load.json of the supported format and version ({@link WarehouseFormat#supported()}). */
    public static LoadJson of(LocalDate dateExtraction, Optional<List<String>> perimetre, Instant loadedAt,
                              Map<String, Long> rowsWritten, Map<String, Long> rowsQuarantined) {
        return new LoadJson(WarehouseFormat.NAME, WarehouseFormat.VERSION, dateExtraction, perimetre, loadedAt,
                rowsWritten, rowsQuarantined, Map.of(), Map.of(), Optional.empty(), Optional.empty());
    }

    /** This load.json with what the extract's manifest declared of each file ({@code extrait}). */
    public LoadJson withExtractFiles(Map<String, FileDigest> files) {
        return new LoadJson(format, version, dateExtraction, perimetre, loadedAt, rowsWritten, rowsQuarantined, files,
                merge, historyCompleteFrom, referenceSha256);
    }

    /** This load.json with how each file's rows went into the history ({@code fusion}). */
    public LoadJson withMerge(Map<String, Map<String, Long>> counts) {
        return new LoadJson(format, version, dateExtraction, perimetre, loadedAt, rowsWritten, rowsQuarantined,
                extractFiles, counts, historyCompleteFrom, referenceSha256);
    }

    /** This load.json with the day from which the history is complete ({@code historique_complet_depuis}). */
    public LoadJson withHistoryCompleteFrom(Optional<LocalDate> day) {
        return new LoadJson(format, version, dateExtraction, perimetre, loadedAt, rowsWritten, rowsQuarantined,
                extractFiles, merge, day, referenceSha256);
    }

    /** This load.json with the digest of the reference copy its geography and plafonds come from. */
    public LoadJson withReferenceSha256(String sha256) {
        return new LoadJson(format, version, dateExtraction, perimetre, loadedAt, rowsWritten, rowsQuarantined,
                extractFiles, merge, historyCompleteFrom, Optional.of(sha256));
    }

    /** Whether this is the format and version this code reads. */
    public boolean supported() {
        return WarehouseFormat.NAME.equals(format) && version == WarehouseFormat.VERSION;
    }

    /** Whether the extract covered {@code codeDepartement}: always when it covered all of France. */
    public boolean covers(String codeDepartement) {
        return perimetre.map(p -> p.contains(codeDepartement)).orElse(true);
    }

    /** Writes this as {@code file} (one line of JSON, keys in the order above). */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put(FORMAT, format);
        root.put(VERSION, version);
        root.put(DATE_EXTRACTION, dateExtraction.toString());
        perimetre.ifPresent(p -> {
            ArrayNode codes = root.putArray(PERIMETRE);
            p.forEach(codes::add);
        });
        root.put(CHARGE_LE, loadedAt.toString());
        ObjectNode lignes = root.putObject(LIGNES);
        rowsWritten.forEach(lignes::put);
        ObjectNode quarantaine = root.putObject(QUARANTAINE);
        rowsQuarantined.forEach(quarantaine::put);
        if (!extractFiles.isEmpty()) {
            ObjectNode extrait = root.putObject(EXTRAIT);
            extractFiles.forEach((name, d) -> extrait.putObject(name).put(LIGNES, d.lignes()).put(SHA256, d.sha256()));
        }
        if (!merge.isEmpty()) {
            ObjectNode fusion = root.putObject(FUSION);
            merge.forEach((name, counts) -> counts.forEach(fusion.putObject(name)::put));
        }
        historyCompleteFrom.ifPresent(d -> root.put(HISTORIQUE, d.toString()));
        referenceSha256.ifPresent(d -> root.put(REFERENCE, d));
        JSON.writeValue(file.toFile(), root);
    }

    /**
     * Reads a load.json, refusing one that is missing, not valid JSON, of another format or
     * format version than {@link WarehouseFormat#supported()}, or whose fields are missing or
     * malformed.
     *
     * @throws WarehouseFormatException naming {@code file} and what is wrong
     */
    public static LoadJson read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new WarehouseFormatException(file, file + " is missing: the version has no " + WarehouseFormat.LOAD_JSON, e);
        } catch (JacksonException e) {
            throw new WarehouseFormatException(file, file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WarehouseFormatException(file, "cannot read " + file + ": " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw refused(file, "is not a JSON object");
        }
        JsonNode format = root.path(FORMAT);
        if (!format.isTextual() || !format.asText().equals(WarehouseFormat.NAME)) {
            throw refused(file, "format " + found(format) + " is not supported: this code reads "
                    + WarehouseFormat.supported() + " only");
        }
        JsonNode version = root.path(VERSION);
        if (!version.isIntegralNumber() || version.asLong() != WarehouseFormat.VERSION) {
            throw refused(file, "format version " + found(version) + " is not supported: this code reads "
                    + WarehouseFormat.supported() + " only");
        }
        LocalDate dateExtraction;
        try {
            dateExtraction = LocalDate.parse(text(file, root, DATE_EXTRACTION));
        } catch (DateTimeParseException e) {
            throw refused(file, DATE_EXTRACTION + " must be a yyyy-MM-dd date, found " + found(root.path(DATE_EXTRACTION)));
        }
        Optional<List<String>> perimetre = Optional.empty();
        if (root.has(PERIMETRE)) {
            JsonNode node = root.get(PERIMETRE);
            List<String> codes = new ArrayList<>();
            node.forEach(n -> codes.add(n.isTextual() ? n.asText() : null));
            if (!node.isArray() || codes.contains(null)) {
                throw refused(file, PERIMETRE + " must be an array of département codes, found " + found(node));
            }
            perimetre = Optional.of(codes);
        }
        Instant loadedAt;
        try {
            loadedAt = Instant.parse(text(file, root, CHARGE_LE));
        } catch (DateTimeParseException e) {
            throw refused(file, CHARGE_LE + " must be a UTC instant (2025-12-28T15:30:12Z), found "
                    + found(root.path(CHARGE_LE)));
        }
        Map<String, FileDigest> extractFiles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path(EXTRAIT).properties()) {
            JsonNode lignes = e.getValue().path(LIGNES), sha = e.getValue().path(SHA256);
            if (!lignes.isIntegralNumber() || lignes.asLong() < 0 || !sha.isTextual()) {
                throw refused(file, EXTRAIT + "." + e.getKey() + " must hold lignes (a non-negative integer) and "
                        + SHA256 + " (a string), found " + e.getValue());
            }
            extractFiles.put(e.getKey(), new FileDigest(lignes.asLong(), sha.asText()));
        }
        Map<String, Map<String, Long>> merge = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path(FUSION).properties()) {
            merge.put(e.getKey(), counts(file, root.path(FUSION), e.getKey()));
        }
        Optional<LocalDate> historyCompleteFrom = Optional.empty();
        if (root.has(HISTORIQUE)) {
            try {
                historyCompleteFrom = Optional.of(LocalDate.parse(text(file, root, HISTORIQUE)));
            } catch (DateTimeParseException e) {
                throw refused(file, HISTORIQUE + " must be a yyyy-MM-dd date, found " + found(root.path(HISTORIQUE)));
            }
        }
        Optional<String> referenceSha256 = root.has(REFERENCE) ? Optional.of(text(file, root, REFERENCE)) : Optional.empty();
        return new LoadJson(format.asText(), version.asInt(), dateExtraction, perimetre, loadedAt,
                counts(file, root, LIGNES), counts(file, root, QUARANTAINE), extractFiles, merge, historyCompleteFrom,
                referenceSha256);
    }

    private static String text(Path file, JsonNode root, String key) {
        JsonNode node = root.path(key);
        if (!node.isTextual()) {
            throw refused(file, key + " is missing or not a string, found " + found(node));
        }
        return node.asText();
    }

    private static Map<String, Long> counts(Path file, JsonNode root, String key) {
        JsonNode node = root.path(key);
        if (!node.isObject()) {
            throw refused(file, key + " must be an object of row counts, found " + found(node));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isIntegralNumber() || e.getValue().asLong() < 0) {
                throw refused(file, key + "." + e.getKey() + " must be a non-negative integer, found " + e.getValue());
            }
            counts.put(e.getKey(), e.getValue().asLong());
        }
        return counts;
    }

    private static String found(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : node.toString();
    }

    private static WarehouseFormatException refused(Path file, String why) {
        return new WarehouseFormatException(file, file + ": " + why);
    }
}
