package fr.infocentre.api;

import java.nio.file.Path;

/** The weekly warehouse {@link InfocentreServer} loaded (the mini extract), for a server of the espace with its figures. */
record WeeklyWarehouse(Path folder) {
}
