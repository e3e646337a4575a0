-- TAB03-04 Demandes en cours (active on 31 December, hors associations) by taille du ménage
-- (persons to be housed); located by the first-choice commune; split mutation / hors mutation.
SELECT commune_premier_choix AS code_commune,
       categorie_taille_menage(taille_menage) AS categorie,
       colonne_mutation(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_actives_le(fin_annee())
WHERE NOT personne_morale
GROUP BY ALL
