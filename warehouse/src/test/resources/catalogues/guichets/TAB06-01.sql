-- The demandes registered during each period by each guichet asked, and those of them filed on the PGP.
WITH c AS (
    SELECT p.cle AS periode, d.code_guichet, d.numero_unique, d.canal, d.date_enregistrement,
           d.date_enregistrement - d.date_depot AS delai
    FROM periodes_demandees() p
    JOIN demandes d ON d.date_enregistrement BETWEEN p.debut AND p.fin
    WHERE d.code_guichet IN (SELECT code_guichet FROM guichets_demandes())
)
SELECT periode, code_guichet, 'creees' AS colonne, numero_unique, delai AS valeur, date_enregistrement FROM c
UNION ALL BY NAME
SELECT periode, code_guichet, 'creees_pgp' AS colonne, numero_unique, date_enregistrement FROM c WHERE canal = 'PGP'
