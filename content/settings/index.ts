/** The settings, one module for every context: the schema and its storage. */
export * from './schema';
export * from './store';
