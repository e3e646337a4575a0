package fr.infocentre.warehouse.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of a catalogue folder, read once into memory (a folder on disk, or a classpath folder,
 * in a jar or not), and the reading of its YAML files: unknown keys are refused, and every error
 * is an {@link InvalidCatalogue} naming the file and the field.
 */
final class CatalogueFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** How messages name the folder ("rapports/", "/tmp/catalogue/"). */
    private final String folder;
    /** Path relative to the folder, with '/' → content. */
    private final Map<String, String> files;

    private CatalogueFiles(String folder, Map<String, String> files) {
        this.folder = folder;
        this.files = files;
    }

    /** Every file under {@code dir}. */
    static CatalogueFiles of(Path dir) {
        return new CatalogueFiles(dir + "/", read(dir));
    }

    /** Every file under the classpath folder {@code root} ("/rapports"), which must hold a catalogue.yaml. */
    static CatalogueFiles ofClasspath(String root) {
        String base = root.endsWith("/") ? root : root + "/";
        URL url = Catalogue.class.getResource(base + "catalogue.yaml");
        if (url == null) {
            throw new IllegalStateException("No catalogue.yaml in the classpath folder " + base);
        }
        String label = base.startsWith("/") ? base.substring(1) : base;
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return new CatalogueFiles(label, read(Path.of(uri).getParent()));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return new CatalogueFiles(label, read(jar.provider().getPath(uri).getParent()));
            } catch (FileSystemAlreadyExistsException e) {
                return new CatalogueFiles(label, read(FileSystems.getFileSystem(uri).provider().getPath(uri).getParent()));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the classpath folder " + base, e);
        }
    }

    private static Map<String, String> read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                files.put(name, Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalogue folder " + dir, e);
        }
        return files;
    }

    /** The file as messages name it: "rapports/TAB03-02.yaml". */
    String where(String file) {
        return folder + file;
    }

    InvalidCatalogue error(String file, String field, String problem) {
        return new InvalidCatalogue(folder, file, field, problem);
    }

    boolean exists(String name) {
        return files.containsKey(name);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The files directly in {@code dir} ("" for the folder itself), by name. */
    Map<String, String> in(String dir) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        return files.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().indexOf('/', prefix.length()) < 0)
                .collect(Collectors.toMap(e -> e.getKey().substring(prefix.length()), Map.Entry::getValue,
                        (a, b) -> a, TreeMap::new));
    }

    /** Whether a YAML file that exists holds a mapping with that top-level key (false when it cannot be read). */
    boolean hasKey(String name, String key) {
        try {
            return YAML.readTree(text(name).orElse("")).has(key);
        } catch (JsonProcessingException e) {
            return false; // yaml() reports it
        }
    }

    /** Reads a YAML file that must exist. */
    <T> T yaml(String name, Class<T> type) {
        String text = text(name).orElseThrow(() -> error(name, null, "missing file"));
        try {
            T value = YAML.readValue(text, type);
            if (value == null) {
                throw error(name, null, "empty file");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw error(name, path(e), "unknown field " + e.getPropertyName() + " (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")");
        } catch (JsonMappingException e) {
            String field = path(e);
            if (e.getOriginalMessage().startsWith("No content to map")) {
                throw error(name, null, "empty file");
            }
            throw error(name, field.isEmpty() ? null : field, "cannot be read: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw error(name, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
    }

    /** The field path of a Jackson error: "columns[2].part_of". */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        int i = message.indexOf('\n');
        return i < 0 ? message : message.substring(0, i);
    }
}
