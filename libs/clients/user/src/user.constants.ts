/** The downstream's name: its policy, its metrics label and its `USER_SERVICE_*` variables. */
export const USER = 'user';
