-- Macros shared by the rapports' SQL files, created once when the warehouse is opened.
-- The year of a rapport is the session variable 'annee' (SET VARIABLE annee = 2024).

-- A demande's period is active on day d: it has started and not yet been closed by a RADIATION
-- (fin is the radiation day, on which the demande is no longer active).
CREATE MACRO actif_le(debut, fin, d) AS debut <= d AND (fin IS NULL OR fin > d);

-- First and last day of the rapport's year.
CREATE MACRO debut_annee() AS make_date(CAST(getvariable('annee') AS INTEGER), 1, 1);
CREATE MACRO fin_annee() AS make_date(CAST(getvariable('annee') AS INTEGER), 12, 31);

-- Whether a date falls in the rapport's year.
CREATE MACRO dans_annee(d) AS d BETWEEN debut_annee() AND fin_annee();

-- Mutation column: the applicant already rents a social dwelling (logement_actuel = LOCATAIRE_HLM).
CREATE MACRO colonne_mutation(logement_actuel) AS
    CASE WHEN logement_actuel = 'LOCATAIRE_HLM' THEN 'mutation' ELSE 'hors_mutation' END;

-- Demandes "hors associations" (personne_morale = false), located by their first-choice commune.
CREATE MACRO demandes_hors_associations() AS TABLE
    SELECT * FROM demandes WHERE NOT personne_morale;

-- Demandes active on day d (periods of one demande never overlap: at most one row per demande).
CREATE MACRO demandes_actives_le(d) AS TABLE
    SELECT dm.* FROM demandes dm
    WHERE EXISTS (SELECT 1 FROM periodes p
                  WHERE p.numero_unique = dm.numero_unique AND actif_le(p.debut, p.fin, d));
