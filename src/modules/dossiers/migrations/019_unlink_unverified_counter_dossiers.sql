-- Counter and postal dossiers were linked at intake to whichever account had registered the applicant's
-- ID number, verified or not. From 012_identity_assurance on, they reach only a verified account: the
-- links made before are undone for accounts that are not verified (they are made again when the account
-- is verified). Reads identity's users once, as a data repair.
update dossiers set applicant_id = null
where channel <> 2 and applicant_id in (select id from users where assurance <> 'verified');

-- The dossiers a verified account is linked to: those filed for its ID number not online, not linked yet.
create index dossiers_unlinked_applicant on dossiers (applicant_id_number) where applicant_id is null and channel <> 2;
