import { searchKey } from '../../search-key';
import type { Migration } from './types';

/**
 * The whole account record (domain.md, "The account record"): our people, tiers with their service
 * standard, the grade cadence, and everything that hangs off an account. Money is integer minor
 * units with a currency; shares are basis points; dates are ISO `YYYY-MM-DD`.
 */
export const m0002: Migration = {
  version: 2,
  name: 'account-record',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role       TEXT NOT NULL DEFAULT 'manager'
                   CHECK (role IN ('director','manager','specialist','technical','service','project','other')),
        region     TEXT,
        email      TEXT,
        phone      TEXT,
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX people_name ON people (name);

      CREATE TABLE tiers (
        id                 INTEGER PRIMARY KEY,
        key                TEXT NOT NULL UNIQUE,
        name_zh            TEXT NOT NULL,
        name_en            TEXT NOT NULL,
        rank               INTEGER NOT NULL,
        visits_per_quarter INTEGER NOT NULL DEFAULT 0 CHECK (visits_per_quarter >= 0),
        calls_per_month    INTEGER NOT NULL DEFAULT 0 CHECK (calls_per_month >= 0),
        description        TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE grade_cadence (
        grade TEXT PRIMARY KEY CHECK (grade IN ('A','B','C','D','E')),
        days  INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3660)
      ) STRICT;
      INSERT INTO grade_cadence (grade, days) VALUES ('A',1),('B',7),('C',15),('D',30),('E',365);

      INSERT INTO tiers (key, name_zh, name_en, rank, visits_per_quarter, calls_per_month, description) VALUES
        ('diamond',  '钻石客户', 'Diamond',  1, 6, 4, ''),
        ('platinum', '白金客户', 'Platinum', 2, 4, 2, ''),
        ('gold',     '金牌客户', 'Gold',     3, 2, 1, ''),
        ('silver',   '银牌客户', 'Silver',   4, 1, 1, '');

      ALTER TABLE accounts ADD COLUMN name_en TEXT;
      ALTER TABLE accounts ADD COLUMN short_name TEXT;
      ALTER TABLE accounts ADD COLUMN parent_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL;
      ALTER TABLE accounts ADD COLUMN industry TEXT;
      ALTER TABLE accounts ADD COLUMN region TEXT;
      ALTER TABLE accounts ADD COLUMN owner_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
      ALTER TABLE accounts ADD COLUMN classification TEXT CHECK (classification IN ('industry','regional','potential'));
      ALTER TABLE accounts ADD COLUMN strategic INTEGER NOT NULL DEFAULT 0 CHECK (strategic IN (0,1));
      ALTER TABLE accounts ADD COLUMN brand_influence INTEGER NOT NULL DEFAULT 0 CHECK (brand_influence IN (0,1));
      ALTER TABLE accounts ADD COLUMN tier_id INTEGER REFERENCES tiers (id) ON DELETE SET NULL;
      ALTER TABLE accounts ADD COLUMN lifecycle TEXT CHECK (lifecycle IN ('acquisition','growth','maturity','decline','exit'));
      ALTER TABLE accounts ADD COLUMN deal_status TEXT CHECK (deal_status IN ('won','negotiating','prospect'));
      ALTER TABLE accounts ADD COLUMN grade TEXT CHECK (grade IN ('A','B','C','D','E'));
      ALTER TABLE accounts ADD COLUMN urgency TEXT CHECK (urgency IN ('urgent','soon','not-urgent','slow'));
      ALTER TABLE accounts ADD COLUMN importance TEXT CHECK (importance IN ('important','normal'));
      ALTER TABLE accounts ADD COLUMN currency TEXT NOT NULL DEFAULT 'CNY' CHECK (currency IN ('CNY','USD','EUR','HKD'));
      ALTER TABLE accounts ADD COLUMN company_revenue INTEGER CHECK (company_revenue >= 0);
      ALTER TABLE accounts ADD COLUMN employees INTEGER CHECK (employees >= 0);
      ALTER TABLE accounts ADD COLUMN profit_contribution INTEGER;
      ALTER TABLE accounts ADD COLUMN share_of_wallet_bp INTEGER CHECK (share_of_wallet_bp BETWEEN 0 AND 10000);
      ALTER TABLE accounts ADD COLUMN growth_potential TEXT CHECK (growth_potential IN ('high','medium','low'));
      ALTER TABLE accounts ADD COLUMN lifetime_value INTEGER;
      ALTER TABLE accounts ADD COLUMN cost_to_serve INTEGER;
      ALTER TABLE accounts ADD COLUMN churn_status TEXT NOT NULL DEFAULT 'active' CHECK (churn_status IN ('active','at-risk','churned'));
      ALTER TABLE accounts ADD COLUMN churn_reason TEXT
        CHECK (churn_reason IN ('competitor-price','competitor-product','customer-business','service','relationship','other'));
      ALTER TABLE accounts ADD COLUMN churn_note TEXT;
      ALTER TABLE accounts ADD COLUMN churned_on TEXT;
      ALTER TABLE accounts ADD COLUMN receivable_outstanding INTEGER CHECK (receivable_outstanding >= 0);
      ALTER TABLE accounts ADD COLUMN receivable_days_overdue INTEGER CHECK (receivable_days_overdue >= 0);
      ALTER TABLE accounts ADD COLUMN payment_terms TEXT;
      ALTER TABLE accounts ADD COLUMN notes TEXT;
      ALTER TABLE accounts ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
      -- Kept by the triggers on interactions below, so lists need no aggregate over interactions.
      ALTER TABLE accounts ADD COLUMN last_contact TEXT;
      ALTER TABLE accounts ADD COLUMN next_step_due TEXT;
      ALTER TABLE accounts ADD COLUMN deleted_at TEXT;

      CREATE INDEX accounts_parent ON accounts (parent_id);
      CREATE INDEX accounts_owner ON accounts (owner_id);
      CREATE INDEX accounts_tier ON accounts (tier_id);

      CREATE TABLE account_team (
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        role       TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (account_id, person_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE account_revenue (
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        year       INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        revenue    INTEGER,
        target     INTEGER,
        profit     INTEGER,
        PRIMARY KEY (account_id, year)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE satisfaction (
        id         INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        date       TEXT NOT NULL,
        score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
        source     TEXT NOT NULL DEFAULT '',
        note       TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX satisfaction_account ON satisfaction (account_id, date);

      CREATE TABLE competitors (
        id         INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
        offer      TEXT NOT NULL DEFAULT '',
        position   TEXT NOT NULL DEFAULT '',
        strengths  TEXT NOT NULL DEFAULT '',
        weaknesses TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX competitors_account ON competitors (account_id);

      CREATE TABLE interactions (
        id         INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('visit','call','meeting','training','complaint','suggestion','care')),
        date       TEXT NOT NULL,
        people     TEXT NOT NULL DEFAULT '',
        owner_id   INTEGER REFERENCES people (id) ON DELETE SET NULL,
        summary    TEXT NOT NULL DEFAULT '',
        outcome    TEXT NOT NULL DEFAULT '',
        next_step  TEXT NOT NULL DEFAULT '',
        next_due   TEXT,
        next_done  INTEGER NOT NULL DEFAULT 0 CHECK (next_done IN (0,1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX interactions_account_date ON interactions (account_id, date);
      CREATE INDEX interactions_date ON interactions (date, kind);

      CREATE TRIGGER interactions_after_insert AFTER INSERT ON interactions BEGIN
        UPDATE accounts SET
          last_contact = (SELECT max(date) FROM interactions WHERE account_id = NEW.account_id),
          next_step_due = (SELECT min(next_due) FROM interactions
                           WHERE account_id = NEW.account_id AND next_done = 0 AND next_due IS NOT NULL)
        WHERE id = NEW.account_id;
      END;
      CREATE TRIGGER interactions_after_update AFTER UPDATE ON interactions BEGIN
        UPDATE accounts SET
          last_contact = (SELECT max(date) FROM interactions WHERE account_id = accounts.id),
          next_step_due = (SELECT min(next_due) FROM interactions
                           WHERE account_id = accounts.id AND next_done = 0 AND next_due IS NOT NULL)
        WHERE id IN (OLD.account_id, NEW.account_id);
      END;
      CREATE TRIGGER interactions_after_delete AFTER DELETE ON interactions BEGIN
        UPDATE accounts SET
          last_contact = (SELECT max(date) FROM interactions WHERE account_id = OLD.account_id),
          next_step_due = (SELECT min(next_due) FROM interactions
                           WHERE account_id = OLD.account_id AND next_done = 0 AND next_due IS NOT NULL)
        WHERE id = OLD.account_id;
      END;

      CREATE TABLE opportunities (
        id          INTEGER PRIMARY KEY,
        account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        value       INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),
        currency    TEXT NOT NULL DEFAULT 'CNY' CHECK (currency IN ('CNY','USD','EUR','HKD')),
        stage       TEXT NOT NULL DEFAULT 'contact'
                    CHECK (stage IN ('contact','design','validation','tendering','won','lost')),
        result_reason TEXT NOT NULL DEFAULT '',
        bid_date    TEXT,
        rivals      TEXT NOT NULL DEFAULT '[]',
        owner_id    INTEGER REFERENCES people (id) ON DELETE SET NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX opportunities_account ON opportunities (account_id);

      CREATE TABLE saved_views (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        query TEXT NOT NULL
      ) STRICT;
    `);
    // Accounts from version 1 have only a name: give them the search key (names and pinyin) that
    // new accounts get, or search would never find them.
    const setKey = db.prepare('UPDATE accounts SET search_key = ? WHERE id = ?');
    for (const a of db.prepare('SELECT id, name FROM accounts').all() as { id: number; name: string }[]) {
      setKey.run(searchKey(a.name), a.id);
    }
  },
};
