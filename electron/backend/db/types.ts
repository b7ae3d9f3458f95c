export type { Database as Db } from 'better-sqlite3';
