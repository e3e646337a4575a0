package fr.infocentre.warehouse.format;

import java.nio.file.Path;

/**
 * A warehouse directory that cannot be read as {@link WarehouseFormat#supported()}: no
 * {@code CURRENT}, a missing or garbled {@code load.json}, or another format or version. The
 * message names the file.
 */
public class WarehouseFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public WarehouseFormatException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public WarehouseFormatException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be read or is refused. */
    public Path file() {
        return file;
    }
}
