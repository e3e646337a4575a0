package fr.infocentre.etl.generator;

import java.time.LocalDate;

/**
 * How many demandes are filed each day: the national yearly volume, spread over the days
 * with month and weekday patterns, times the scale and the perimeter's share. Counts are
 * rounded with a running remainder, without randomness, so they never depend on the seed.
 */
final class FilingSchedule {

    private final double factor;
    private double carried;

    FilingSchedule(double scale, double perimeterShare) {
        this.factor = scale * perimeterShare / (1 - Calibration.PERSONNE_MORALE_SHARE);
    }

    /** Number of demandes filed on the day; call once per day, in date order. */
    int filings(int epochDay) {
        LocalDate date = Dates.date(epochDay);
        int year = date.getYear();
        double expected = Calibration.filingsPerYear(year) / date.lengthOfYear()
                * Calibration.filingSeason(year, date.getMonthValue())
                * Calibration.filingWeekday(date.getDayOfWeek().getValue()) * factor;
        double total = carried + expected;
        int count = (int) Math.floor(total);
        carried = total - count;
        return count;
    }
}
