package fr.infocentre.etl.generator;

import java.util.Map;

/**
 * Local housing tension by département: how many demandes en cours per 100 inhabitants
 * (urban-weighted) and the pressure ratio (demandes en cours / attributions per year).
 * Figures follow docs/calibration.md (Paris ≈ 16, Hauts-de-Seine ≈ 10, rural 2–4) and
 * were tuned so that Île-de-France holds about a third of the national stock (see CALIBRATION.md).
 */
final class Tension {

    /** National pressure the attribution hazard is expressed against (2.16 M / 449 k in 2019). */
    static final double NATIONAL_PRESSURE = 4.8;

    private static final Profile DEFAULT = new Profile(2.0, 2.6);

    /** Stock per 100 inhabitants and pressure ratio of one département. */
    record Profile(double stockPer100, double pressure) {
    }

    private static final Map<String, Profile> PROFILES = Map.ofEntries(
            // Île-de-France
            Map.entry("75", new Profile(9.2, 14)), Map.entry("92", new Profile(5.2, 10)),
            Map.entry("93", new Profile(5.0, 10)), Map.entry("94", new Profile(4.3, 9)),
            Map.entry("77", new Profile(2.1, 6)), Map.entry("78", new Profile(2.1, 6)),
            Map.entry("91", new Profile(2.3, 6)), Map.entry("95", new Profile(2.5, 6.5)),
            // PACA coast and Corsica
            Map.entry("06", new Profile(3.6, 10)), Map.entry("13", new Profile(3.6, 8)),
            Map.entry("83", new Profile(3.2, 8)), Map.entry("84", new Profile(3.2, 5.5)),
            Map.entry("2A", new Profile(3.5, 6)), Map.entry("2B", new Profile(3.5, 6)),
            // overseas
            Map.entry("971", new Profile(4.0, 5)), Map.entry("972", new Profile(4.0, 5)),
            Map.entry("973", new Profile(3.0, 4)), Map.entry("974", new Profile(5.0, 5)),
            Map.entry("976", new Profile(2.0, 4)),
            // metropolitan and tight départements
            Map.entry("69", new Profile(3.5, 5)), Map.entry("74", new Profile(3.0, 6)),
            Map.entry("31", new Profile(3.5, 5)), Map.entry("33", new Profile(3.1, 5)),
            Map.entry("34", new Profile(4.2, 7)), Map.entry("44", new Profile(2.8, 4)),
            Map.entry("67", new Profile(2.4, 4)), Map.entry("59", new Profile(3.0, 3.5)),
            Map.entry("38", new Profile(3.0, 4.5)), Map.entry("35", new Profile(2.6, 3.5)),
            Map.entry("30", new Profile(3.3, 5)), Map.entry("01", new Profile(2.4, 4)),
            Map.entry("73", new Profile(2.4, 4.5)), Map.entry("76", new Profile(3.0, 3)),
            Map.entry("62", new Profile(2.8, 3)), Map.entry("66", new Profile(3.0, 5)),
            Map.entry("60", new Profile(2.4, 4)), Map.entry("64", new Profile(2.4, 5)),
            Map.entry("17", new Profile(2.2, 4)), Map.entry("40", new Profile(2.2, 4)),
            Map.entry("85", new Profile(1.8, 3.5)), Map.entry("29", new Profile(1.8, 3)),
            Map.entry("56", new Profile(2.0, 3.5)), Map.entry("57", new Profile(2.4, 3.5)),
            Map.entry("68", new Profile(2.4, 3.5)), Map.entry("54", new Profile(2.4, 3)),
            Map.entry("21", new Profile(2.2, 3)), Map.entry("37", new Profile(2.3, 3)),
            Map.entry("45", new Profile(2.4, 3)), Map.entry("63", new Profile(2.2, 3)),
            Map.entry("87", new Profile(2.2, 3)), Map.entry("51", new Profile(2.4, 2.8)),
            Map.entry("14", new Profile(2.2, 3)), Map.entry("49", new Profile(2.2, 3)),
            Map.entry("26", new Profile(2.4, 4)), Map.entry("11", new Profile(2.6, 4)));

    private Tension() {
    }

    static Profile of(String departement) {
        return PROFILES.getOrDefault(departement, DEFAULT);
    }

    /** Share of a commune's inhabitants likely to apply, relative to a mid-size town. */
    static double urbanFactor(int population) {
        if (population < 1_000) {
            return 0.3;
        }
        if (population < 5_000) {
            return 0.6;
        }
        return population < 20_000 ? 1.0 : 1.3;
    }

    /**
     * Extra renewal probability where housing is tight: applicants who have no alternative
     * keep renewing for years (Paris: waits of 3.5 years and more).
     */
    static double renewalBonus(String departement) {
        double pressure = of(departement).pressure();
        return pressure >= 10 ? 0.2 : pressure >= 6 ? 0.08 : 0.0;
    }

    /** Attribution hazard of the département relative to the national average. */
    static double attributionFactor(String departement) {
        return NATIONAL_PRESSURE / of(departement).pressure();
    }

    /**
     * Filing weight per inhabitant: the target stock divided by the expected life of a
     * demande there (tight areas keep demandes longer, so need fewer filings for the same stock).
     */
    static double filingWeight(String departement) {
        Profile profile = of(departement);
        return profile.stockPer100()
                / Calibration.expectedLifeYears(1.0 / profile.pressure(), renewalBonus(departement));
    }
}
