package fr.infocentre.etl.generator;

import java.time.LocalDate;

/**
 * The national parameters of the simulation, at scale 1, all France. Each one targets a
 * published figure of docs/calibration.md: see CALIBRATION.md next to this class for which
 * parameter drives which figure and how they were tuned.
 */
final class Calibration {

    /** The simulation files demandes from this date, so that the stock is in steady state by 2015. */
    static final LocalDate SIMULATION_START = LocalDate.of(2009, 1, 1);

    private static final int FIRST_YEAR = 2009;

    /** New demandes of personnes physiques filed per year (scale 1), 2009 to 2026. */
    private static final double[] FILINGS = {
        1_150_000, 1_180_000, 1_210_000, 1_240_000, 1_265_000, 1_285_000, // 2009-2014
        1_300_000, 1_305_000, 1_300_000, 1_300_000, 1_310_000,             // 2015-2019
        1_330_000, 1_360_000, 1_400_000, 1_440_000, 1_470_000,             // 2020-2024
        1_500_000, 1_520_000};                                             // 2025-2026

    /**
     * National attribution hazard per year of waiting (attributions / mean stock), before
     * the local tension and household factors. Falls as the stock grows faster than supply.
     */
    private static final double[] ATTRIBUTION_RATE = {
        0.262, 0.262, 0.262, 0.262, 0.262, 0.262, // 2009-2014
        0.262, 0.252, 0.240, 0.226, 0.212,        // 2015-2019
        0.206, 0.197, 0.176, 0.152, 0.138,        // 2020-2024 (2020: lockdown applied on top)
        0.131, 0.127};                            // 2025-2026

    /** Probability that a demande still active at its anniversary is renewed, by year. */
    private static final double[] RENEWAL = {
        0.49, 0.49, 0.49, 0.49, 0.49, 0.49, // 2009-2014
        0.49, 0.49, 0.495, 0.50, 0.505,     // 2015-2019
        0.52, 0.525, 0.54, 0.555, 0.565,    // 2020-2024
        0.57, 0.575};                       // 2025-2026

    /** Share of demandes filed on the portail grand public, by year (none before 2015). */
    private static final double[] PGP_SHARE = {
        0, 0, 0, 0, 0, 0,
        0.03, 0.08, 0.12, 0.15, 0.18,
        0.25, 0.26, 0.29, 0.32, 0.35,
        0.38, 0.40};

    /** Global multiplier of the attribution hazard, tuned so that national attributions hit their targets. */
    static final double ATTRIBUTION_SCALE = 1.16;

    /** Yearly hazards of the other radiations (RENONCIATION, ABSENCE_REPONSE, IRRECEVABILITE, FUSION). */
    static final double RENONCIATION_RATE = 0.015;
    static final double ABSENCE_REPONSE_RATE = 0.010;
    static final double IRRECEVABILITE_RATE = 0.006;
    static final double FUSION_RATE = 0.0015;

    /** Share of demandes radiated for non-renewal that are reactivated within a few months. */
    static final double REACTIVATION_SHARE = 0.05;

    /** Yearly rates of household modifications and of supporting-document uploads. */
    static final double MODIFICATION_RATE = 0.35;
    static final double PIECE_RATE = 0.25;

    /** Associations (personne_morale = 1) filed on top of the personnes physiques. */
    static final double PERSONNE_MORALE_SHARE = 0.01;

    private Calibration() {
    }

    private static int yearIndex(int year, double[] table) {
        return Math.max(0, Math.min(table.length - 1, year - FIRST_YEAR));
    }

    static double filingsPerYear(int year) {
        return FILINGS[yearIndex(year, FILINGS)];
    }

    /** Seasonal factor of filings in a month (mean 1), with the 2020 lockdown dip. */
    static double filingSeason(int year, int month) {
        if (year == 2020 && month >= 3 && month <= 5) {
            return month == 4 ? 0.35 : 0.6;
        }
        return switch (month) {
            case 1, 9 -> 1.12;
            case 7 -> 0.92;
            case 8 -> 0.72;
            case 12 -> 0.88;
            default -> 1.03;
        };
    }

    /** Factor of filings by day of week (1 = Monday), mean 1 over a week. */
    static double filingWeekday(int dayOfWeek) {
        return switch (dayOfWeek) {
            case 6 -> 0.3;
            case 7 -> 0.12;
            default -> 1.316;
        };
    }

    /** National yearly attribution hazard on a date, with the March–May 2020 lockdown (−60 %). */
    static double attributionRate(int year, int month) {
        double rate = ATTRIBUTION_RATE[yearIndex(year, ATTRIBUTION_RATE)] * ATTRIBUTION_SCALE;
        if (year == 2020 && month >= 3 && month <= 5) {
            return rate * 0.4;
        }
        return rate;
    }

    static double renewalProbability(int year) {
        return RENEWAL[yearIndex(year, RENEWAL)];
    }

    static double pgpShare(int year) {
        return PGP_SHARE[yearIndex(year, PGP_SHARE)];
    }

    /** Share of acts (renewal, modification, document) the applicant does online, by year. */
    static double onlineActShare(int year) {
        return year < 2015 ? 0 : Math.min(0.6, 0.15 + 0.045 * (year - 2015));
    }

    /**
     * Expected life in years of a demande under a constant attribution hazard {@code a}
     * (per year), with the 2019 renewal probability plus a local bonus: within-year exits, plus the month of
     * grace before a non-renewal radiation, over a geometric number of renewals.
     */
    static double expectedLifeYears(double a, double renewalBonus) {
        double exit = a + RENONCIATION_RATE + ABSENCE_REPONSE_RATE + IRRECEVABILITE_RATE;
        double survive = Math.exp(-exit);
        double p = renewalProbability(2019) + renewalBonus;
        double withinYear = (1 - survive) / exit;
        return (withinYear + survive * (1 - p) / 12.0) / (1 - survive * p);
    }
}
