// Store errors: misuse or an unusable database. Say what was expected and what was found.
export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'bad_request' | 'unusable_database' | 'locked' | 'connection',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
