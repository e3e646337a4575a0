package fr.infocentre.warehouse;

/** A territory: its level, its code (FR, INSEE region/département/commune code, EPCI SIREN) and its name. */
public record Territoire(Level level, String code, String name) {
    public static final Territoire FRANCE = new Territoire(Level.NATIONAL, "FR", "France");
}
