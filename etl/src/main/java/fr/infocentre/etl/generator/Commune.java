package fr.infocentre.etl.generator;

/** One row of the reference communes.csv (a commune or a Paris/Lyon/Marseille arrondissement). */
record Commune(String code, String nom, boolean arrondissement, String parent, String departement,
               String region, String epci, int population) {
}
