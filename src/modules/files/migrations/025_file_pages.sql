-- A file's page count, read once at upload (a PDF's pages while it is inspected on a worker thread, an
-- image is one page), so counter intake records digitised scans without reading them again. Null for
-- uploads made before this column, and for PDFs whose pages cannot be counted.
alter table files add column page_count integer check (page_count > 0);
