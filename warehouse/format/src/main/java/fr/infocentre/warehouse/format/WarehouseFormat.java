package fr.infocentre.warehouse.format;

import java.nio.file.Path;

/**
 * The warehouse format (docs/warehouse-format.md): its name and version, and the names of the
 * files and folders of a warehouse directory. The ETL writes this layout, the warehouse reads it;
 * both take the names from here.
 *
 * <pre>
 * &lt;warehouse&gt;/
 *   CURRENT                  one line: the name of the version being served
 *   versions/
 *     &lt;name&gt;/               one complete load: load.json and one folder per {@link Table}
 *     .staging-&lt;name&gt;/      a load in progress (ignored by readers)
 *   .lock                    held by the load in progress, naming it
 * </pre>
 */
public final class WarehouseFormat {

    /** The value of {@code format} in load.json. */
    public static final String NAME = "infocentre-warehouse";
    /** The format version this code writes and the only one it reads ({@code version} in load.json). */
    public static final int VERSION = 1;

    /** The file naming the version being served. */
    public static final String CURRENT = "CURRENT";
    /** The folder holding one folder per version. */
    public static final String VERSIONS = "versions";
    /** Prefix of the folder of a version being written, inside {@link #VERSIONS}. */
    public static final String STAGING_PREFIX = ".staging-";
    /** The file of a version that says what was loaded ({@link LoadJson}). */
    public static final String LOAD_JSON = "load.json";
    /** The file a load locks, one load at a time; it names the holder (readers ignore it). */
    public static final String LOCK = ".lock";

    private WarehouseFormat() {
    }

    /** {@code <warehouse>/CURRENT}. */
    public static Path currentFile(Path warehouse) {
        return warehouse.resolve(CURRENT);
    }

    /** {@code <warehouse>/versions}. */
    public static Path versionsDir(Path warehouse) {
        return warehouse.resolve(VERSIONS);
    }

    /** {@code <warehouse>/versions/<name>}. */
    public static Path versionDir(Path warehouse, String name) {
        return versionsDir(warehouse).resolve(name);
    }

    /** {@code <warehouse>/versions/.staging-<name>}. */
    public static Path stagingDir(Path warehouse, String name) {
        return versionsDir(warehouse).resolve(STAGING_PREFIX + name);
    }

    /** {@code <versionDir>/load.json}. */
    public static Path loadJsonFile(Path versionDir) {
        return versionDir.resolve(LOAD_JSON);
    }

    /** Whether a folder name of {@link #VERSIONS} is a load in progress, which readers ignore. */
    public static boolean isStaging(String folderName) {
        return folderName.startsWith(STAGING_PREFIX);
    }

    /** "infocentre-warehouse version 1": the format this code supports, for messages. */
    public static String supported() {
        return NAME + " version " + VERSION;
    }
}
