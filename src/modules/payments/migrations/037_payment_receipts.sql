-- The electronic receipt (a signed document of the results module) of each confirmed payment.
alter table payments add column receipt_document_id uuid;
