package fr.infocentre.etl.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Forces written files and folders to disk ({@code fsync}), so that a version {@code CURRENT}
 * names after a power cut is whole: every file of the version, then its folders, before the
 * rename and the switch.
 */
final class Durability {

    private Durability() {
    }

    /** Forces every file under {@code root}, then every folder, deepest first. */
    static void forceTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                force(p);
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                force(p);
            }
        }
    }

    /** Forces one file or folder (a folder's entries: a rename in it is then durable). */
    static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
