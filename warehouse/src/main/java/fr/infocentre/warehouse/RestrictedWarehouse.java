package fr.infocentre.warehouse;

import java.time.LocalDate;

/**
 * The restricted space's view of one version of the weekly warehouse (the one {@code CURRENT}
 * named when it was opened): what gestionnaires territoriaux and State services use, exact figures
 * included — never what the public sees, which is read from releases. Thread-safe. Open it with
 * {@code fr.infocentre.warehouse.restricted.RestrictedWarehouses}: {@code open(dir)} for one
 * version, {@code follow(dir)} to always serve the latest load.
 */
public interface RestrictedWarehouse extends AutoCloseable {

    /** Rapport 06, suivi de l'activité des guichets. */
    GuichetActivity activity();

    /** The requêtes: tables a gestionnaire builds from the catalogue's dimensions, counted exactly. */
    Requetes requetes();

    /** The doublons potentiels and the figures of the semestrial bilan (docs/gestion.md). */
    DoublonsEtBilans doublonsEtBilans();

    /** The date of the extract this version holds (the data's date, shown on every page). */
    LocalDate dataDate();

    /** The version's name ({@code v<extract date>T<load time>Z}). */
    String version();

    @Override
    void close();
}
