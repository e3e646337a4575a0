package fr.infocentre.warehouse.release;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The release tests' second route to a release's checksums: SHA-256 recomputed here from the
 * bytes on disk (not through {@code Checksums}), and the checksums its manifest lists.
 */
final class ReleaseFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseFiles() {
    }

    /** Every file under the folder but {@code excluded} (a relative path, "" for none): path → SHA-256. */
    static Map<String, String> sha256OfEveryFileBut(Path folder, String excluded) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(p).toString();
                if (!name.equals(excluded)) {
                    sums.put(name, sha256(Files.readAllBytes(p)));
                }
            }
        }
        return sums;
    }

    /** What the release's manifest lists: path → SHA-256. */
    static Map<String, String> listedInManifest(Path folder) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        JSON.readTree(folder.resolve("release.json").toFile()).get("fichiers").properties()
                .forEach(e -> sums.put(e.getKey(), e.getValue().get("sha256").asText()));
        return sums;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
