package fr.infocentre.architecture.violations.first;

import fr.infocentre.architecture.violations.second.Second;


/** With {@link Second}, breaks "no cycle between packages" (test only). */
public final class First {

    Second second;
}
