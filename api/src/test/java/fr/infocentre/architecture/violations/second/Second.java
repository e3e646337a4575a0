package fr.infocentre.architecture.violations.second;

import fr.infocentre.architecture.violations.first.First;


/** With {@link First}, breaks "no cycle between packages" (test only). */
public final class Second {

    First first;
}
