package fr.infocentre.etl.extract;

/**
 * The whole extract is refused: nothing is loaded and the warehouse keeps its previous state.
 * The message names the file and, where relevant, the line and the field.
 */
public class ExtractRefused extends RuntimeException {

    public ExtractRefused(String message) {
        super(message);
    }

    public ExtractRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
