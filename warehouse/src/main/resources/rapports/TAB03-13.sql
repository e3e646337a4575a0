-- TAB03-13 Demandes en cours (active on 31 December, hors associations) by mutation / hors
-- mutation (logement_actuel = LOCATAIRE_HLM; empty counts as hors mutation); located by the
-- first-choice commune.
SELECT commune_premier_choix AS code_commune,
       upper(colonne_mutation(logement_actuel)) AS categorie,
       count(*) AS n
FROM demandes_actives_le(fin_annee())
WHERE NOT personne_morale
GROUP BY ALL
