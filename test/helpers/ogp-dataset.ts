import path from 'node:path';

/** OGP's commitment dataset extract (read from ../shared, never copied), for the importer's and the search's tests. */
export const OGP_DATASET_FILE = path.resolve(process.cwd(), '../shared/data/ogp/ogp_commitments_open_parliament_2024-07.csv');
