package fr.infocentre.warehouse.catalogue;

/**
 * A declaration of the catalogue that the engine could not honour, found when the catalogue
 * loads: the message names the file (relative to the catalogue's folder) and, when there is one,
 * the field ({@code columns[2].part_of}, YAML names).
 */
public final class InvalidCatalogue extends IllegalStateException {

    private final String file;
    private final String field;

    InvalidCatalogue(String folder, String file, String field, String problem) {
        super(folder + file + (field == null ? "" : ", field " + field) + ": " + problem);
        this.file = file;
        this.field = field;
    }

    /** The file at fault, relative to the catalogue's folder ("TAB03-02.yaml", "dimensions/motif.yaml"). */
    public String file() {
        return file;
    }

    /** The field at fault, null when the problem is the file as a whole. */
    public String field() {
        return field;
    }
}
