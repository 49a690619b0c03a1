/** The downstream's name: its policy, its metrics label and its `LIBRARY_SERVICE_*` variables. */
export const LIBRARY = 'library';
