package fr.infocentre.etl.generator;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One extract to write: what the SNE holds at the end of {@code date}, but the demandes radiated
 * before {@code historyFrom} (purged), into folder {@code dir}.
 */
record Extraction(LocalDate date, LocalDate historyFrom, Path dir) {
}
