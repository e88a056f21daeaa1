-- The results of counter and postal dossiers were put in the personal store of whichever account had
-- registered the applicant's ID number. From 012_identity_assurance on, only a verified account gets
-- them: those given to accounts that are not verified are taken back, with the account's copy of the
-- file unless it was since attached to a dossier. Reads dossiers, users and files once, as a data repair.
with gone as (
  delete from personal_documents p
  using signed_documents d, dossiers x
  where p.document_id = d.id and d.dossier_id = x.id and x.channel <> 2
    and p.user_id in (select id from users where assurance <> 'verified')
  returning p.file_id
)
delete from files f using gone
where f.id = gone.file_id and not exists (select 1 from dossier_files df where df.file_id = f.id);
