package fr.infocentre.warehouse;

/** A territory: its level, its code (FR, INSEE region/département/commune code, EPCI SIREN) and its name. */
public record Territoire(Niveau niveau, String code, String nom) {
    public static final Territoire FRANCE = new Territoire(Niveau.NATIONAL, "FR", "France");
}
