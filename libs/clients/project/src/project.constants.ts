/** The downstream's name: its policy, its metrics label and its `PROJECT_SERVICE_*` variables. */
export const PROJECT = 'project';
