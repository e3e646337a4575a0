package fr.infocentre.etl.generator;

import java.util.List;

/**
 * A demande's attributes that change over its life, as they stand from {@code from} (epoch day)
 * until the next situation: the household, the wished communes (the first choice never changes)
 * and the current residence. Never modified once built: a change makes a new situation from a
 * copy of the household.
 */
record Situation(int from, Household household, List<String> communesSouhaitees, String communeResidence) {
}
