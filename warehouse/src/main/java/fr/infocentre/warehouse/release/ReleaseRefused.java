package fr.infocentre.warehouse.release;

/**
 * A release that may not be published: millésime N is already published and no reason to
 * republish it was given, or its audit pinned a primary cell. Nothing served changed: a refused release leaves no file.
 */
public final class ReleaseRefused extends RuntimeException {

    ReleaseRefused(String message) {
        super(message);
    }
}
