package fr.infocentre.warehouse.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The version of a warehouse named by its {@code CURRENT}, as a reader opens it.
 *
 * @param name      the version's name, e.g. {@code v20251228T153012Z}
 * @param directory {@code <warehouse>/versions/<name>}
 * @param load      what its {@code load.json} says (always {@link WarehouseFormat#supported()})
 */
public record ServedVersion(String name, Path directory, LoadJson load) {

    /**
     * Reads {@code CURRENT}, then {@code versions/<name>/load.json}, refusing a warehouse that has
     * no version to serve or whose version is not of {@link WarehouseFormat#supported()}.
     *
     * @throws WarehouseFormatException naming the file at fault: {@code CURRENT} missing or naming no
     *                                  version folder, {@code load.json} missing, garbled, or of another
     *                                  format or format version
     */
    public static ServedVersion read(Path warehouse) {
        Path current = WarehouseFormat.currentFile(warehouse);
        String name;
        try {
            name = Files.readString(current, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new WarehouseFormatException(current, "No version to serve: " + current + " is missing", e);
        } catch (IOException e) {
            throw new WarehouseFormatException(current, "cannot read " + current + ": " + e, e);
        }
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new WarehouseFormatException(current, current + " must hold the name of a version of "
                    + WarehouseFormat.versionsDir(warehouse) + ", found '" + name + "'");
        }
        Path directory = WarehouseFormat.versionDir(warehouse, name);
        if (!Files.isDirectory(directory)) {
            throw new WarehouseFormatException(current, current + " names version " + name + ", but "
                    + directory + " does not exist");
        }
        return new ServedVersion(name, directory, LoadJson.read(WarehouseFormat.loadJsonFile(directory)));
    }

    /** The folder of one of this version's tables. */
    public Path table(Table table) {
        return table.in(directory);
    }
}
