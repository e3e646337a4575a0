package fr.infocentre.warehouse.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** SHA-256 of every file of a folder (a release, its open data), by path relative to the release's folder (with '/'), in path order. */
public final class Checksums {

    private Checksums() {
    }

    /** Every file under the folder but those named: path → [bytes, sha256 in hex]. */
    public static Map<String, FileSum> of(Path folder, String... excluded) {
        List<Path> skipped = java.util.Arrays.stream(excluded).map(folder::resolve).toList();
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> files = paths.filter(Files::isRegularFile)
                    .filter(p -> !skipped.contains(p)).sorted().toList();
            Map<String, FileSum> sums = new LinkedHashMap<>();
            for (Path file : files) {
                sums.put(folder.relativize(file).toString().replace('\\', '/'),
                        new FileSum(Files.size(file), sha256(file)));
            }
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folder, e);
        }
    }

    /** One file's size and checksum. */
    public record FileSum(long octets, String sha256) {
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
